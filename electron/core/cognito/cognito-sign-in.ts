// What one Cognito sign-in carries from step to step, and the one way every challenge is
// answered: RespondToAuthChallenge with the session, USERNAME and SECRET_HASH both over the user
// name Cognito returned (USER_ID_FOR_SRP), never the alias typed.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
import type {
  AuthenticationResultType,
  ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider'
import type {
  CognitoFlowInput,
  CognitoRememberedDevice,
  UserAuthChallenge,
} from '../../../shared/cognito-flow-input'
import type { RunContext } from '../runs/run-context'
import type { StepMeta } from '../runs/run-recorder'
import type { CognitoApi } from './cognito-api'
import type { SecretHasher } from './secret-hash-step'
import type { SrpClientSession } from './srp'

export type CognitoSignIn = {
  ctx: RunContext
  input: CognitoFlowInput
  api: CognitoApi
  secretHash: SecretHasher
  /** Whom Cognito knows the user as: USER_ID_FOR_SRP once a challenge named it, else as typed. */
  userId: string
  /** The password: as given at the start, or as asked once a chosen first factor needed it. */
  password?: string | undefined
  /** The SRP values of this sign-in, when it sent SRP_A. */
  srp?: SrpClientSession
  /** USER_AUTH: the first factor last named to Cognito (PREFERRED_CHALLENGE, or the choice). */
  firstFactor?: UserAuthChallenge
  /** The code given at the start for the first code challenge, until that challenge uses it. */
  givenCode?: string | undefined
  /** The remembered device this sign-in presents, until Cognito says it no longer knows it. */
  device?: CognitoRememberedDevice | undefined
  /** The SRP values of the device's own proof (DEVICE_SRP_AUTH). */
  deviceSrp?: SrpClientSession
}

/** What InitiateAuth and RespondToAuthChallenge answer: a challenge, or tokens. */
export type AuthAnswer = {
  ChallengeName?: ChallengeNameType | undefined
  Session?: string | undefined
  ChallengeParameters?: Record<string, string> | undefined
  AuthenticationResult?: AuthenticationResultType | undefined
  /** SELECT_CHALLENGE: the first factors this user may choose from. */
  AvailableChallenges?: ChallengeNameType[] | undefined
}

/**
 * Answers the challenge of `challenge` with `responses`, adding USERNAME, the device's DEVICE_KEY
 * (repeated with every answer, as AWS's clients do) and SECRET_HASH.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export async function respondToChallenge(
  signIn: CognitoSignIn,
  meta: Omit<StepMeta, 'kind'>,
  challenge: AuthAnswer,
  responses: Record<string, string>,
): Promise<AuthAnswer> {
  return signIn.api.respondToAuthChallenge(meta, {
    ClientId: signIn.input.clientId,
    ChallengeName: challenge.ChallengeName,
    Session: challenge.Session,
    ChallengeResponses: {
      USERNAME: signIn.userId,
      ...deviceKeyParam(signIn),
      ...responses,
      ...(await signIn.secretHash.paramsFor(signIn.userId)),
    },
  })
}

/**
 * `{ DEVICE_KEY }` while the sign-in presents a remembered device, `{}` otherwise.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export function deviceKeyParam(signIn: Pick<CognitoSignIn, 'device'>): { DEVICE_KEY?: string } {
  return signIn.device ? { DEVICE_KEY: signIn.device.deviceKey } : {}
}

/**
 * A challenge parameter that holds a JSON list as a string (MFAS_CAN_CHOOSE, MFAS_CAN_SETUP,
 * requiredAttributes); [] when it is absent or not a list of strings.
 */
export function challengeList(challenge: AuthAnswer, name: string): string[] {
  try {
    const value: unknown = JSON.parse(challenge.ChallengeParameters?.[name] ?? '[]')
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
  } catch {
    return []
  }
}
