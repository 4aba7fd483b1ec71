// The first call of a sign-in, InitiateAuth, for each flow a person can choose: SRP (the password
// stays here), the password itself, or a custom challenge (after an SRP proof when a password is
// given, as amazon-cognito-identity-js does with CHALLENGE_NAME=SRP_A).
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
import type { CognitoAuthFlow, CognitoFlowInput } from '../../../shared/cognito-flow-input'
import type { AuthAnswer, CognitoSignIn } from './cognito-sign-in'
import { createSrpClientSession, type SrpClientSession } from './srp'

/** Sends InitiateAuth and returns Cognito's answer: a challenge, or tokens at once. */
export async function startSignIn(
  signIn: CognitoSignIn,
  flow: CognitoAuthFlow,
): Promise<AuthAnswer> {
  const { input, userId } = signIn
  const withSrp = flow === 'USER_SRP_AUTH' || (flow === 'CUSTOM_AUTH' && !!input.password)
  if (withSrp) signIn.srp = await makeSrpA(signIn)
  const hash = await signIn.secretHash.paramsFor(userId)
  const { title, parameters } = firstCall(flow, input, signIn.srp)
  return signIn.api.initiateAuth(
    { title, explain: `cognito.initiate-auth.${flow.toLowerCase()}` },
    {
      AuthFlow: flow,
      ClientId: input.clientId,
      AuthParameters: { USERNAME: userId, ...parameters, ...hash },
    },
  )
}

/** The step's title and the AuthParameters of the flow, USERNAME and SECRET_HASH aside. */
function firstCall(
  flow: CognitoAuthFlow,
  input: CognitoFlowInput,
  srp: SrpClientSession | undefined,
): { title: string; parameters: Record<string, string> } {
  switch (flow) {
    case 'USER_SRP_AUTH':
      return {
        title: 'InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
        parameters: { SRP_A: srp?.A ?? '' },
      }
    case 'USER_PASSWORD_AUTH':
      return {
        title: 'InitiateAuth (USER_PASSWORD_AUTH): the password itself goes to Cognito',
        parameters: { PASSWORD: input.password ?? '' },
      }
    case 'CUSTOM_AUTH':
      return srp
        ? {
            title: 'InitiateAuth (CUSTOM_AUTH): SRP_A first, then the custom challenge',
            parameters: { SRP_A: srp.A, CHALLENGE_NAME: 'SRP_A' },
          }
        : { title: 'InitiateAuth (CUSTOM_AUTH): straight to the custom challenge', parameters: {} }
  }
}

/**
 * Draws the private ephemeral a and computes SRP_A = g^a mod N; a never leaves this machine.
 * @see RFC 5054 §2.5.4; AWS Cognito API Reference, InitiateAuth (SRP_A)
 */
function makeSrpA(signIn: CognitoSignIn) {
  const { ctx, input } = signIn
  return ctx.compute(
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
}
