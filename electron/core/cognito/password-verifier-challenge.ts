// PASSWORD_VERIFIER: prove the password without sending it. The claim is computed over
// USER_ID_FOR_SRP from the challenge (an alias typed at InitiateAuth would not verify).
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
import { AfxError } from '../errors'
import { respondToChallenge, type AuthAnswer, type CognitoSignIn } from './cognito-sign-in'
import { computePasswordVerifierResponse } from './srp'

/** Computes the claim (every intermediate shown, the private ones as secrets) and sends it. */
export async function answerPasswordVerifier(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const { ctx, input, srp } = signIn
  if (srp === undefined) {
    throw new AfxError(
      'COGNITO_UNEXPECTED_RESPONSE',
      'Cognito asked for PASSWORD_VERIFIER, but this sign-in sent no SRP_A.',
      { ref: 'AWS Cognito API Reference, InitiateAuth (SRP_A)' },
    )
  }
  const params = challenge.ChallengeParameters ?? {}
  const claim = await ctx.compute(
    { title: 'Compute the password claim', explain: 'cognito.srp-claim' },
    {
      USER_ID_FOR_SRP: signIn.userId,
      ...(signIn.userId === input.username ? {} : { typed: input.username }),
      poolName: srp.poolName,
      SRP_B: params.SRP_B,
      SALT: params.SALT,
      SECRET_BLOCK: params.SECRET_BLOCK,
    },
    () =>
      computePasswordVerifierResponse({
        session: srp,
        userIdForSrp: signIn.userId,
        password: signIn.password ?? '',
        srpB: params.SRP_B ?? '',
        salt: params.SALT ?? '',
        secretBlock: params.SECRET_BLOCK ?? '',
      }),
    (result) => ({
      k: result.k,
      u: result.u,
      x: ctx.secrets.add(result.x, 'srp_x'),
      S: ctx.secrets.add(result.S, 'srp_S'),
      hkdfKey: ctx.secrets.add(result.hkdfKey, 'hkdf_key'),
      TIMESTAMP: result.timestamp,
      PASSWORD_CLAIM_SIGNATURE: ctx.secrets.add(result.signature, 'PASSWORD_CLAIM_SIGNATURE'),
    }),
  )
  return respondToChallenge(
    signIn,
    {
      title: 'RespondToAuthChallenge (PASSWORD_VERIFIER): the signed claim, not the password',
      explain: 'cognito.password-verifier',
    },
    challenge,
    claim.challengeResponses,
  )
}
