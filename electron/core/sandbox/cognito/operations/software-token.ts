// AssociateSoftwareToken and VerifySoftwareToken: TOTP enrolment, either for a signed-in user
// (AccessToken) or inside a sign-in that met MFA_SETUP (Session, which moves on with each call).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
import type { PoolContext } from '../pool-context'
import type { PoolUser } from '../pool-state'
import type { AuthSession } from '../session-store'
import { optionalMember, requireMember, type Params } from '../request-params'
import { userFromAccessToken } from '../access-token-user'
import { createTotpSecret, isTotpCodeValid } from '../totp'
import { cognitoErrors } from '../cognito-errors'

type Subject = { user: PoolUser; session?: AuthSession }

/**
 * Returns a new shared secret (SecretCode); one per user, a new one replaces a pending one.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
 */
export async function associateSoftwareToken(
  ctx: PoolContext,
  input: Params,
): Promise<{ SecretCode: string; Session?: string }> {
  const { user, session } = await resolveSubject(ctx, input)
  user.pendingTotpSecret = createTotpSecret()
  if (session === undefined) return { SecretCode: user.pendingTotpSecret }
  return { SecretCode: user.pendingTotpSecret, Session: ctx.sessions.create(session) }
}

/**
 * Checks a first code from the authenticator; within MFA_SETUP this also turns TOTP on.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
 */
export async function verifySoftwareToken(
  ctx: PoolContext,
  input: Params,
): Promise<{ Status: 'SUCCESS'; Session?: string }> {
  const code = requireMember(input, 'UserCode', 6)
  optionalMember(input, 'FriendlyDeviceName', 256)
  const { user, session } = await resolveSubject(ctx, input)
  const secret = user.pendingTotpSecret
  if (secret === undefined) throw cognitoErrors.softwareTokenNotFound()
  if (!isTotpCodeValid(secret, code, ctx.now())) throw cognitoErrors.softwareTokenMismatch()
  user.totpSecret = secret
  user.pendingTotpSecret = undefined
  // Signed in, a verified token is configured but not enabled (SetUserMFAPreference does that);
  // during MFA_SETUP it is the factor the sign-in was waiting for.
  if (session === undefined) return { Status: 'SUCCESS' }
  user.mfa.enabled.add('SOFTWARE_TOKEN_MFA')
  user.mfa.preferred = 'SOFTWARE_TOKEN_MFA'
  return {
    Status: 'SUCCESS',
    Session: ctx.sessions.create({ ...session, softwareTokenVerified: true }),
  }
}

async function resolveSubject(ctx: PoolContext, input: Params): Promise<Subject> {
  const accessToken = optionalMember(input, 'AccessToken', 8192)
  if (accessToken !== undefined) return { user: await userFromAccessToken(ctx, accessToken) }
  const sessionId = optionalMember(input, 'Session', 2048)
  if (sessionId === undefined) throw cognitoErrors.missingParameter('AccessToken or Session')
  const session = ctx.sessions.consume(sessionId)
  const user = ctx.pool.getUser(session.username)
  if (session.challenge !== 'MFA_SETUP' || user === undefined) throw cognitoErrors.sessionInvalid()
  return { user, session: { ...session, softwareTokenVerified: false } }
}
