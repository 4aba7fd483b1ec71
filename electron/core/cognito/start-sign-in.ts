// The first call of a sign-in, InitiateAuth, for each flow a person can choose: SRP (the password
// stays here), the password itself, a custom challenge (after an SRP proof when a password is
// given, as amazon-cognito-identity-js does with CHALLENGE_NAME=SRP_A), or choice-based sign-in.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
import type { CognitoAuthFlow } from '../../../shared/cognito-flow-input'
import { deviceKeyParam, type AuthAnswer, type CognitoSignIn } from './cognito-sign-in'
import { makeSrpA } from './make-srp-a'
import { userAuthFirstCall } from './user-auth-choice'

type FirstCall = { title: string; parameters: Record<string, string> }

/** Sends InitiateAuth and returns Cognito's answer: a challenge, or tokens at once. */
export async function startSignIn(
  signIn: CognitoSignIn,
  flow: CognitoAuthFlow,
): Promise<AuthAnswer> {
  const { title, parameters } = await firstCall(signIn, flow)
  const hash = await signIn.secretHash.paramsFor(signIn.userId)
  return signIn.api.initiateAuth(
    { title, explain: `cognito.initiate-auth.${flow.toLowerCase()}` },
    {
      AuthFlow: flow,
      ClientId: signIn.input.clientId,
      AuthParameters: {
        USERNAME: signIn.userId,
        ...deviceKeyParam(signIn),
        ...parameters,
        ...hash,
      },
    },
  )
}

/** The step's title and the AuthParameters of the flow, USERNAME and SECRET_HASH aside. */
async function firstCall(signIn: CognitoSignIn, flow: CognitoAuthFlow): Promise<FirstCall> {
  switch (flow) {
    case 'USER_SRP_AUTH':
      return {
        title: 'InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
        parameters: { SRP_A: (await makeSrpA(signIn)).A },
      }
    case 'USER_PASSWORD_AUTH':
      return {
        title: 'InitiateAuth (USER_PASSWORD_AUTH): the password itself goes to Cognito',
        parameters: { PASSWORD: signIn.password ?? '' },
      }
    case 'CUSTOM_AUTH':
      return signIn.password
        ? {
            title: 'InitiateAuth (CUSTOM_AUTH): SRP_A first, then the custom challenge',
            parameters: { SRP_A: (await makeSrpA(signIn)).A, CHALLENGE_NAME: 'SRP_A' },
          }
        : { title: 'InitiateAuth (CUSTOM_AUTH): straight to the custom challenge', parameters: {} }
    case 'USER_AUTH':
      return userAuthFirstCall(signIn)
  }
}
