// Choice-based sign-in (USER_AUTH): the first factor, named up front as PREFERRED_CHALLENGE or
// chosen by a person at SELECT_CHALLENGE from what Cognito offers, goes with what it needs in the
// same call: the password for PASSWORD, SRP_A for PASSWORD_SRP (PASSWORD_VERIFIER follows), nothing
// for EMAIL_OTP and SMS_OTP (Cognito sends a code, asked for by the code challenge that follows).
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html#authentication-flows-selection-choice
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
import { UserAuthChallenge } from '../../../shared/cognito-flow-input'
import type { InputField } from '../../../shared/run-model'
import { AfxError } from '../errors'
import { respondToChallenge, type AuthAnswer, type CognitoSignIn } from './cognito-sign-in'
import { makeSrpA } from './make-srp-a'

const isAnswerable = (name: string): name is UserAuthChallenge =>
  UserAuthChallenge.safeParse(name).success

/**
 * InitiateAuth(USER_AUTH)'s parameters: the user name alone lets Cognito offer the choices. The
 * API reference names only USERNAME and PREFERRED_CHALLENGE; that a preference brings what it
 * needs (PASSWORD, SRP_A) is what AWS's own Amplify sends (amplify-js, handleUserAuthFlow.ts).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export async function userAuthFirstCall(
  signIn: CognitoSignIn,
): Promise<{ title: string; parameters: Record<string, string> }> {
  const preferred = signIn.input.preferredChallenge
  if (preferred === undefined) {
    return {
      title: 'InitiateAuth (USER_AUTH): the user name alone, so Cognito offers the choices',
      parameters: {},
    }
  }
  return {
    title: `InitiateAuth (USER_AUTH): the user name, preferring ${preferred}`,
    parameters: {
      PREFERRED_CHALLENGE: preferred,
      ...(await firstFactorParameters(signIn, preferred)),
    },
  }
}

/**
 * SELECT_CHALLENGE: asks which of AvailableChallenges to sign in with (those this tool answers),
 * then names it as ANSWER with what it needs.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeName
 */
export async function answerSelectChallenge(
  signIn: CognitoSignIn,
  challenge: AuthAnswer,
): Promise<AuthAnswer> {
  const offered = challenge.AvailableChallenges ?? []
  const choices = offered.filter(isAnswerable)
  const others = offered.filter((name) => !isAnswerable(name))
  if (choices.length === 0) {
    throw new AfxError(
      'COGNITO_UNSUPPORTED_CHALLENGE',
      `Cognito offers ${others.join(', ') || 'no challenge'} to sign in with, which Auth Flow Explorer does not answer yet.`,
      {
        hint: 'Allow the password or an email or SMS code as a first factor (the sign-in policy), or verify the user’s email address or phone number.',
        ref: 'AWS Cognito API Reference, InitiateAuth (AvailableChallenges)',
      },
    )
  }
  const field: InputField = {
    name: 'challenge',
    label: 'Sign in with',
    secret: false,
    choices,
    ...(others.length > 0
      ? {
          hint: `Cognito also offers ${others.join(', ')}, which Auth Flow Explorer does not answer yet.`,
        }
      : {}),
  }
  const values = await signIn.ctx.input(
    { title: 'Choose how to sign in', explain: 'cognito.select-challenge' },
    [field],
  )
  // Typed at a terminal, the choice may be in lower case; anything else goes as typed, for
  // Cognito to refuse in its own words.
  const choice = (values.challenge ?? '').trim().toUpperCase()
  return respondToChallenge(
    signIn,
    {
      title: `RespondToAuthChallenge (SELECT_CHALLENGE): ${choice}`,
      explain: 'cognito.respond-select-challenge',
    },
    challenge,
    {
      ANSWER: choice,
      ...(isAnswerable(choice) ? await firstFactorParameters(signIn, choice) : {}),
    },
  )
}

/**
 * What a first factor sends along with its name: PASSWORD, or SRP_A, or nothing for a code.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
 */
async function firstFactorParameters(
  signIn: CognitoSignIn,
  factor: UserAuthChallenge,
): Promise<Record<string, string>> {
  signIn.firstFactor = factor
  switch (factor) {
    case 'PASSWORD':
      return { PASSWORD: await obtainPassword(signIn) }
    case 'PASSWORD_SRP':
      await obtainPassword(signIn)
      return { SRP_A: (await makeSrpA(signIn)).A }
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return {}
  }
}

/** The password given at the start, or asked now that a factor needs it (kept as a secret). */
async function obtainPassword(signIn: CognitoSignIn): Promise<string> {
  if (signIn.password) return signIn.password
  const values = await signIn.ctx.input(
    { title: 'Enter the password', explain: 'cognito.user-auth-password' },
    [
      {
        name: 'password',
        label: `Password of ${signIn.input.username ?? 'the user'}`,
        secret: true,
      },
    ],
  )
  signIn.password = values.password ?? ''
  return signIn.password
}
