// The sandbox provider's people: published demo accounts whose claims each show something worth
// teaching (an unverified email, a groups claim, consent asked every time).
// @see OpenID Connect Core 1.0 §5.1 (Standard Claims) https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
import type { Account } from 'oidc-provider'

export type DemoUser = {
  username: string
  /** A published demo password: shown on the sandbox sign-in page, never a real secret. */
  password: string
  label: string
  /** Asked for consent on every authorization, even when the scopes were granted before. */
  asksConsentEveryTime: boolean
  claims: { sub: string } & Record<string, unknown>
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'alice',
    password: 'alice-password',
    label: 'Plain user: verified email, consent remembered for the session',
    asksConsentEveryTime: false,
    claims: {
      sub: 'alice',
      name: 'Alice Example',
      given_name: 'Alice',
      family_name: 'Example',
      preferred_username: 'alice',
      email: 'alice@example.test',
      email_verified: true,
    },
  },
  {
    username: 'bob',
    password: 'bob-password',
    label: 'Unverified email (email_verified false) and a groups claim',
    asksConsentEveryTime: false,
    claims: {
      sub: 'bob',
      name: 'Bob Builder',
      given_name: 'Bob',
      family_name: 'Builder',
      preferred_username: 'bob',
      email: 'bob@example.test',
      email_verified: false,
      groups: ['developers', 'sandbox-admins'],
    },
  },
  {
    username: 'carol',
    password: 'carol-password',
    label: 'Asked for consent every time she signs in',
    asksConsentEveryTime: true,
    claims: {
      sub: 'carol',
      name: 'Carol Careful',
      given_name: 'Carol',
      family_name: 'Careful',
      preferred_username: 'carol',
      email: 'carol@example.test',
      email_verified: true,
    },
  },
]

/** The demo user with this username and password, or undefined when either is wrong. */
export function authenticateDemoUser(username: string, password: string): DemoUser | undefined {
  const user = DEMO_USERS.find((candidate) => candidate.username === username.trim())
  return user?.password === password ? user : undefined
}

/** The demo user whose subject identifier (`sub`, the account id) this is. */
export function findDemoUser(sub: string | undefined): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.claims.sub === sub)
}

/**
 * oidc-provider's `findAccount` hook: the account behind a `sub`, whose claims the provider then
 * filters by the granted scopes.
 * @see https://github.com/panva/node-oidc-provider/tree/main/docs#findaccount
 */
export async function findDemoAccount(_ctx: unknown, sub: string): Promise<Account | undefined> {
  const user = findDemoUser(sub)
  if (user === undefined) return undefined
  return { accountId: sub, claims: async () => ({ ...user.claims }) }
}
