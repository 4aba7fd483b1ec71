// Cognito's own sign-in API as a run: InitiateAuth, then one RespondToAuthChallenge per challenge
// (the choice of a first factor, SRP password proof, sign-in and MFA codes, MFA setup, a new
// password, custom questions, a remembered device's proof) until tokens, which are then verified;
// a new device they announce is confirmed when asked. REFRESH_TOKEN_AUTH runs the same way, from
// a refresh token, and says whether the refresh token rotated.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
import type { CognitoFlowInput } from '../../../shared/cognito-flow-input'
import { AfxError } from '../errors'
import type { FlowDefinition } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
import { answerChallenge } from './answer-challenge'
import { checkClientSettings } from './check-client-settings'
import { checkCognitoTokens } from './check-cognito-tokens'
import { createCognitoApi } from './cognito-api'
import { cognitoEndpoint, cognitoIssuer } from './cognito-endpoint'
import type { AuthAnswer, CognitoSignIn } from './cognito-sign-in'
import { withoutForgottenDevice } from './forgotten-device'
import { confirmNewDevice, offeredDevice } from './new-device'
import { checkRotation, startRefresh } from './refresh-tokens'
import { SecretHasher } from './secret-hash-step'
import { startSignIn } from './start-sign-in'

/** A custom-auth trigger can ask again and again; past this many rounds the run stops. */
const MAX_CHALLENGES = 10

export const cognitoFlow: FlowDefinition<CognitoFlowInput> = {
  title: (input) =>
    input.authFlow === 'REFRESH_TOKEN_AUTH'
      ? `Cognito refresh (${input.refreshWith === 'GetTokensFromRefreshToken' ? 'GetTokensFromRefreshToken' : 'REFRESH_TOKEN_AUTH'}, ${input.username ?? input.clientId})`
      : `Cognito sign-in (${input.authFlow}, ${input.username})`,
  async run(ctx, input) {
    keepInputSecrets(ctx, input)
    if (input.clientSettings) {
      checkClientSettings(ctx, input.clientSettings, {
        authFlow: input.authFlow,
        ...(input.refreshWith === 'GetTokensFromRefreshToken'
          ? { refreshWith: input.refreshWith }
          : {}),
      })
    }
    const signIn: CognitoSignIn = {
      ctx,
      input,
      api: createCognitoApi(ctx, { endpoint: cognitoEndpoint(input), region: input.region }),
      secretHash: new SecretHasher(ctx, input.clientId, input.clientSecret),
      userId: input.username ?? '',
      password: input.password,
      givenCode: input.code,
      device: input.device,
    }
    let answer: AuthAnswer = await withoutForgottenDevice(signIn, () =>
      input.authFlow === 'REFRESH_TOKEN_AUTH'
        ? startRefresh(signIn, input.refreshToken ?? '')
        : startSignIn(signIn, input.authFlow),
    )
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
      const challenge = answer
      answer = await withoutForgottenDevice(signIn, () => answerChallenge(signIn, challenge))
    }
    const result = answer.AuthenticationResult
    const newDevice = offeredDevice(signIn, result)
    const passed = await checkCognitoTokens(ctx, result, {
      issuer: cognitoIssuer(input),
      clientId: input.clientId,
    })
    if (input.authFlow === 'REFRESH_TOKEN_AUTH') {
      checkRotation(ctx, input.refreshToken ?? '', result, input.refreshWith)
    }
    // A device is confirmed with the access token, so only once the tokens proved genuine.
    if (passed && newDevice !== undefined) await confirmNewDevice(signIn, result, newDevice)
    return { failed: !passed }
  },
}

/** Every secret the input carries goes into the run's box first, so nothing shows it in clear. */
function keepInputSecrets(ctx: RunContext, input: CognitoFlowInput): void {
  const labels = {
    password: 'password',
    clientSecret: 'client_secret',
    refreshToken: 'refresh_token',
    code: 'code',
    totpSecret: 'totp_secret',
  } as const
  for (const [field, label] of Object.entries(labels)) {
    const value = input[field as keyof typeof labels]
    if (value) ctx.secrets.add(value, label)
  }
  if (input.device) ctx.secrets.add(input.device.devicePassword, 'device_password')
}
