// Cognito's own sign-in API as a run: InitiateAuth, then one RespondToAuthChallenge per challenge
// (SRP password proof, MFA codes, MFA setup, a new password, custom questions) until tokens,
// which are then verified.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
import type { CognitoFlowInput } from '../../../shared/cognito-flow-input'
import { AfxError } from '../errors'
import type { FlowDefinition } from '../runs/flow-registry'
import { answerChallenge } from './answer-challenge'
import { checkCognitoTokens } from './check-cognito-tokens'
import { createCognitoApi } from './cognito-api'
import { cognitoEndpoint, cognitoIssuer } from './cognito-endpoint'
import type { AuthAnswer, CognitoSignIn } from './cognito-sign-in'
import { SecretHasher } from './secret-hash-step'
import { startSignIn } from './start-sign-in'

/** A custom-auth trigger can ask again and again; past this many rounds the run stops. */
const MAX_CHALLENGES = 10

export const cognitoFlow: FlowDefinition<CognitoFlowInput> = {
  title: (input) => `Cognito sign-in (${input.authFlow}, ${input.username})`,
  async run(ctx, input) {
    if (input.password) ctx.secrets.add(input.password, 'password')
    if (input.clientSecret) ctx.secrets.add(input.clientSecret, 'client_secret')
    const signIn: CognitoSignIn = {
      ctx,
      input,
      api: createCognitoApi(ctx, { endpoint: cognitoEndpoint(input), region: input.region }),
      secretHash: new SecretHasher(ctx, input.clientId, input.clientSecret),
      userId: input.username,
    }
    let answer: AuthAnswer = await startSignIn(signIn)
    for (let round = 1; answer.AuthenticationResult === undefined; round++) {
      if (round > MAX_CHALLENGES) {
        throw new AfxError(
          'COGNITO_TOO_MANY_CHALLENGES',
          `Cognito asked ${MAX_CHALLENGES} challenges in a row without issuing tokens.`,
          { hint: 'A custom auth trigger may be looping: read its DefineAuthChallenge logic.' },
        )
      }
      // Cognito names the user as it knows them; every later USERNAME and SECRET_HASH uses that.
      signIn.userId = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? signIn.userId
      answer = await answerChallenge(signIn, answer)
    }
    const passed = await checkCognitoTokens(ctx, answer.AuthenticationResult, {
      issuer: cognitoIssuer(input),
      clientId: input.clientId,
    })
    return { failed: !passed }
  },
}
