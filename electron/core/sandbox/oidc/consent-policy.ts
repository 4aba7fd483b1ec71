// When the sandbox provider asks for sign-in and consent: oidc-provider's standard policy, plus
// one check that asks the "consent every time" demo user again even for scopes granted before.
// @see OpenID Connect Core 1.0 §3.1.2.4 (Authorization Server Obtains End-User Consent) https://openid.net/specs/openid-connect-core-1_0.html#Consent
import type { interactionPolicy as InteractionPolicyModule, Policy } from 'oidc-provider'
import { findDemoUser } from './demo-users'

/**
 * The interaction policy: login, then consent. A consent given in this same authorization
 * (`result.consent`) is what ends the extra check, so it cannot loop.
 * @see https://github.com/panva/node-oidc-provider/tree/main/docs#interactionspolicy
 */
export function createInteractionPolicy({ base, Check }: typeof InteractionPolicyModule): Policy {
  const policy = base()
  policy
    .get('consent')
    ?.checks.add(
      new Check(
        'afx_consent_every_time',
        'this demo user is asked for consent every time',
        (ctx) =>
          findDemoUser(ctx.oidc.session?.accountId)?.asksConsentEveryTime === true &&
          ctx.oidc.result?.consent === undefined,
      ),
    )
  return policy
}
