// The second factor: a code sent by SMS or email, or read from an authenticator app (or computed
// from its secret), and the choice between factors when a user has several and prefers none. A
// code sent as the first factor of choice-based sign-in (EMAIL_OTP, SMS_OTP) is answered alike.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
import { obtainCode } from './challenge-code'
import {
  challengeList,
  respondToChallenge,
  type AuthAnswer,
  type CognitoSignIn,
} from './cognito-sign-in'

/** The ChallengeResponses member each code goes in. */
const CODE_FIELDS = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
} as const

/**
 * SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SMS_OTP: asks for the code, saying where it went
 * (unless the code was given or a TOTP secret computes it), and sends it.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerMfaCode(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  // answerChallenge hands only these challenges here.
  const name = challenge.ChallengeName as keyof typeof CODE_FIELDS
  const totpSecret = name === 'SOFTWARE_TOKEN_MFA' ? signIn.input.totpSecret : undefined
  const title = `Enter the ${name} code`
  const label = whereTheCodeIs(challenge)
  // The code USER_AUTH chose as the first factor is the whole sign-in, not a second factor.
  const ask =
    signIn.firstFactor === name
      ? { title, explain: 'cognito.otp-sign-in', label }
      : { title, explain: `cognito.${name.toLowerCase()}`, label }
  const code = await obtainCode(signIn, {
    ask,
    mayUseGivenCode: true,
    ...(totpSecret ? { totp: { secret: totpSecret } } : {}),
  })
  return respondToChallenge(
    signIn,
    { title: `RespondToAuthChallenge (${name}): the code`, explain: 'cognito.respond-mfa' },
    challenge,
    { [CODE_FIELDS[name]]: code },
  )
}

/**
 * SELECT_MFA_TYPE: asks which of MFAS_CAN_CHOOSE to use; that factor's challenge follows.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function answerSelectMfaType(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const choices = challengeList(challenge, 'MFAS_CAN_CHOOSE')
  const values = await signIn.ctx.input(
    { title: 'Choose the second factor', explain: 'cognito.select-mfa-type' },
    [{ name: 'mfaType', label: `Which factor: ${choices.join(' or ')}`, secret: false }],
  )
  const answer = (values.mfaType ?? '').trim()
  return respondToChallenge(
    signIn,
    {
      title: `RespondToAuthChallenge (SELECT_MFA_TYPE): ${answer}`,
      explain: 'cognito.respond-select-mfa-type',
    },
    challenge,
    { ANSWER: answer },
  )
}

/** The prompt's label, from CODE_DELIVERY_DELIVERY_MEDIUM and CODE_DELIVERY_DESTINATION. */
function whereTheCodeIs(challenge: AuthAnswer): string {
  if (challenge.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    return 'The current code of the authenticator app'
  }
  const params = challenge.ChallengeParameters ?? {}
  const medium = params.CODE_DELIVERY_DELIVERY_MEDIUM === 'EMAIL' ? 'email' : 'SMS'
  return `The code sent by ${medium} to ${params.CODE_DELIVERY_DESTINATION ?? 'the user'}`
}
