// Reads the TIMESTAMP of a PASSWORD_VERIFIER answer, `EEE MMM d HH:mm:ss UTC yyyy` (day unpadded),
// and checks it is close to the server clock, so a captured answer cannot be replayed later.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
import { TIMESTAMP_SKEW_MS } from './pool-config'
import { cognitoErrors } from './cognito-errors'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const FORMAT =
  /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) ([A-Z][a-z]{2}) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})$/

/**
 * Parses the TIMESTAMP to epoch milliseconds, or throws Cognito's format error.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export function parseSrpTimestamp(text: string): number {
  const match = FORMAT.exec(text)
  const month = match === null ? -1 : MONTHS.indexOf(match[1] ?? '')
  if (match === null || month < 0) throw cognitoErrors.timestampFormat()
  const [, , day, hours, minutes, seconds, year] = match.map(Number)
  return Date.UTC(year ?? 0, month, day, hours, minutes, seconds)
}

/**
 * Whether the TIMESTAMP lies within the allowed skew of now.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export function isTimestampFresh(timestampMs: number, nowMs: number): boolean {
  return Math.abs(nowMs - timestampMs) <= TIMESTAMP_SKEW_MS
}
