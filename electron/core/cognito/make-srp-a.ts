// The first SRP step of a sign-in: the private ephemeral a and the public SRP_A = g^a mod N, for
// USER_SRP_AUTH, CUSTOM_AUTH after a password, and USER_AUTH's PASSWORD_SRP alike.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
import type { CognitoSignIn } from './cognito-sign-in'
import { createSrpClientSession, type SrpClientSession } from './srp'

/**
 * Draws the private ephemeral a and computes SRP_A = g^a mod N; a never leaves this machine. The
 * session is kept on the sign-in for the PASSWORD_VERIFIER claim.
 * @see RFC 5054 §2.5.4; AWS Cognito API Reference, InitiateAuth (SRP_A)
 */
export async function makeSrpA(signIn: CognitoSignIn): Promise<SrpClientSession> {
  const { ctx, input } = signIn
  signIn.srp = await ctx.compute(
    { title: 'Make SRP a and A', explain: 'cognito.srp-a' },
    {
      group: "RFC 5054's 3072-bit group, g = 2 (Cognito's)",
      userPoolId: input.userPoolId,
    },
    () => createSrpClientSession({ poolId: input.userPoolId }),
    (session) => ({
      a: ctx.secrets.add(session.a.toString(16), 'srp_a'),
      A: session.A,
      poolName: session.poolName,
    }),
  )
  return signIn.srp
}
