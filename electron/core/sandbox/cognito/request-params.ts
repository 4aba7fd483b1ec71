// Reads the members of a JSON-protocol request the way Cognito validates them: a missing top-level
// member is a "1 validation error detected" message, a missing AuthParameters/ChallengeResponses
// key is "Missing required parameter X", and every string is bounded before it is used.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
import { cognitoErrors } from './cognito-errors'

export type Params = Readonly<Record<string, unknown>>

const fieldName = (member: string) => member.charAt(0).toLowerCase() + member.slice(1)

/**
 * A required top-level string member, such as ClientId or AccessToken.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export function requireMember(input: Params, member: string, maxLength: number): string {
  const value = input[member]
  if (value === undefined || value === null) {
    throw cognitoErrors.validation(fieldName(member), 'Member must not be null', null)
  }
  return checkString(value, fieldName(member), maxLength)
}

/**
 * An optional top-level string member.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
 */
export function optionalMember(
  input: Params,
  member: string,
  maxLength: number,
): string | undefined {
  const value = input[member]
  return value === undefined || value === null
    ? undefined
    : checkString(value, fieldName(member), maxLength)
}

/**
 * A string-to-string map member (AuthParameters, ChallengeResponses); absent reads as empty.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthParameters
 */
export function readMap(input: Params, member: string): Params {
  const value = input[member]
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw cognitoErrors.serialization()
  return value as Params
}

/**
 * A required key of a parameter map, such as USERNAME or SRP_A.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export function requireParam(map: Params, key: string, maxLength: number): string {
  const value = map[key]
  if (value === undefined || value === null || value === '')
    throw cognitoErrors.missingParameter(key)
  return checkString(value, key, maxLength)
}

/**
 * An optional key of a parameter map, such as SECRET_HASH.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html#CognitoUserPools-RespondToAuthChallenge-request-ChallengeResponses
 */
export function optionalParam(map: Params, key: string, maxLength: number): string | undefined {
  const value = map[key]
  return value === undefined || value === null ? undefined : checkString(value, key, maxLength)
}

function checkString(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string') throw cognitoErrors.serialization()
  if (value.length > maxLength) {
    throw cognitoErrors.validation(
      field,
      `Member must have length less than or equal to ${maxLength}`,
    )
  }
  return value
}
