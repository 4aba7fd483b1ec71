// Answers whichever challenge Cognito names next, each as its own steps; a new password and a
// custom challenge's answer are asked here, the other challenges (the choice of a first factor
// among them) in their own modules.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeName
import { AfxError } from '../errors'
import {
  challengeList,
  respondToChallenge,
  type AuthAnswer,
  type CognitoSignIn,
} from './cognito-sign-in'
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from './device-challenges'
import { answerMfaCode, answerSelectMfaType } from './mfa-code-challenges'
import { answerMfaSetup } from './mfa-setup-challenge'
import { answerPasswordVerifier } from './password-verifier-challenge'
import { answerSelectChallenge } from './user-auth-choice'

type Answer = (signIn: CognitoSignIn, challenge: AuthAnswer) => Promise<AuthAnswer>

const ANSWERS: Readonly<Record<string, Answer>> = {
  PASSWORD_VERIFIER: answerPasswordVerifier,
  SMS_MFA: answerMfaCode,
  EMAIL_OTP: answerMfaCode,
  SMS_OTP: answerMfaCode,
  SOFTWARE_TOKEN_MFA: answerMfaCode,
  SELECT_MFA_TYPE: answerSelectMfaType,
  MFA_SETUP: answerMfaSetup,
  NEW_PASSWORD_REQUIRED: answerNewPassword,
  CUSTOM_CHALLENGE: answerCustomChallenge,
  SELECT_CHALLENGE: answerSelectChallenge,
  DEVICE_SRP_AUTH: answerDeviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: answerDevicePasswordVerifier,
}

const REF = 'AWS Cognito API Reference, RespondToAuthChallenge (ChallengeName)'
const ATTRIBUTE_PREFIX = 'userAttributes.'

/** Runs the steps of the challenge `challenge` names and returns Cognito's next answer. */
export function answerChallenge(signIn: CognitoSignIn, challenge: AuthAnswer): Promise<AuthAnswer> {
  const name = challenge.ChallengeName
  if (name === undefined) {
    throw new AfxError(
      'COGNITO_UNEXPECTED_RESPONSE',
      'Cognito answered with neither tokens nor a challenge.',
      { hint: 'Read the last response: a proxy or an emulator may have changed it.', ref: REF },
    )
  }
  // Own keys only: a challenge name such as "constructor" must not reach Object.prototype.
  const answer = Object.hasOwn(ANSWERS, name) ? ANSWERS[name] : undefined
  if (answer === undefined) {
    throw new AfxError(
      'COGNITO_UNSUPPORTED_CHALLENGE',
      `Cognito asked for ${name}, which Auth Flow Explorer does not answer yet.`,
      {
        hint: 'Passkeys (WEB_AUTHN) come later; try a client or user without them.',
        ref: REF,
      },
    )
  }
  return answer(signIn, challenge)
}

/**
 * NEW_PASSWORD_REQUIRED: a new password, and every attribute in requiredAttributes.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-create-user-accounts.html
 */
async function answerNewPassword(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const attributes = challengeList(challenge, 'requiredAttributes').map((name) =>
    name.startsWith(ATTRIBUTE_PREFIX) ? name : `${ATTRIBUTE_PREFIX}${name}`,
  )
  const values = await signIn.ctx.input(
    { title: 'Choose a new password', explain: 'cognito.new-password' },
    [
      {
        name: 'newPassword',
        label: "New password (the pool's password policy applies)",
        secret: true,
      },
      ...attributes.map((name) => ({
        name,
        label: `${name.slice(ATTRIBUTE_PREFIX.length)} (required attribute)`,
        secret: false,
      })),
    ],
  )
  return respondToChallenge(
    signIn,
    {
      title: 'RespondToAuthChallenge (NEW_PASSWORD_REQUIRED): the new password',
      explain: 'cognito.respond-new-password',
    },
    challenge,
    {
      NEW_PASSWORD: values.newPassword ?? '',
      ...Object.fromEntries(attributes.map((name) => [name, values[name] ?? ''])),
    },
  )
}

/**
 * CUSTOM_CHALLENGE: the public challenge parameters (what the Create Auth Challenge trigger chose
 * to show) are the question; the answer goes back as ANSWER.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-challenge.html
 */
async function answerCustomChallenge(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const shown = Object.entries(challenge.ChallengeParameters ?? {})
    .filter(([name]) => name !== 'USERNAME' && name !== 'USER_ID_FOR_SRP')
    .map(([name, value]) => `${name}: ${value}`)
  const values = await signIn.ctx.input(
    { title: 'Answer the custom challenge', explain: 'cognito.custom-challenge' },
    [{ name: 'answer', label: `Answer (${shown.join('; ') || 'no parameters'})`, secret: true }],
  )
  return respondToChallenge(
    signIn,
    {
      title: 'RespondToAuthChallenge (CUSTOM_CHALLENGE): the answer',
      explain: 'cognito.respond-custom',
    },
    challenge,
    { ANSWER: values.answer ?? '' },
  )
}
