// Checks an app client's token lifetimes: each within the range Cognito accepts, and none that
// makes the others pointless (an ID or access token that outlives the refresh token).
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
import type { CognitoAppClient, TimeUnit } from './cognito-app-client'
import type { Diagnostic } from './run-model'

const SECONDS_PER: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 }
const MINUTE = 60
const HOUR = 3600
const DAY = 86_400
const REF =
  'Cognito API: UserPoolClientType (AccessTokenValidity, IdTokenValidity, RefreshTokenValidity)'

type Lifetime = { name: string; seconds: number }

/**
 * Findings about the ID, access and refresh token lifetimes (values read in their
 * TokenValidityUnits; absent values are Cognito's defaults).
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html
 */
export function lintTokenLifetimes(client: CognitoAppClient): Diagnostic[] {
  const units = client.TokenValidityUnits ?? {}
  // Defaults (API reference): ID and access tokens 1 hour, counted in hours; refresh 30 days, in days.
  const access = lifetime(
    'AccessTokenValidity',
    client.AccessTokenValidity,
    units.AccessToken,
    'hours',
    HOUR,
  )
  const id = lifetime('IdTokenValidity', client.IdTokenValidity, units.IdToken, 'hours', HOUR)
  const findings: Diagnostic[] = []
  // RefreshTokenValidity 0 is replaced by the 30-day default (API reference, RefreshTokenValidity).
  const refreshIsZero = client.RefreshTokenValidity === 0
  if (refreshIsZero) {
    findings.push({
      severity: 'info',
      code: 'COGNITO_CLIENT_REFRESH_VALIDITY_ZERO',
      message: 'RefreshTokenValidity is 0, which Cognito replaces with its default of 30 days.',
      hint: 'Set the lifetime you mean (60 minutes to 10 years) so the setting says what happens.',
      ref: REF,
    })
  }
  const refresh = refreshIsZero
    ? { name: 'RefreshTokenValidity', seconds: 30 * DAY }
    : lifetime(
        'RefreshTokenValidity',
        client.RefreshTokenValidity,
        units.RefreshToken,
        'days',
        30 * DAY,
      )
  // ID and access tokens: 5 minutes to 1 day (API reference, AccessTokenValidity, IdTokenValidity).
  for (const token of [access, id]) findings.push(...outOfRange(token, 5 * MINUTE, DAY))
  // Refresh tokens: 60 minutes to 10 years (developer guide, "Refresh tokens").
  findings.push(...outOfRange(refresh, HOUR, 3650 * DAY))
  // Not a Cognito rule, a consequence: a refresh only renews tokens while the refresh token lives.
  for (const token of [access, id]) {
    if (token.seconds > refresh.seconds) {
      findings.push({
        severity: 'warning',
        code: 'COGNITO_CLIENT_TOKEN_OUTLIVES_REFRESH',
        message: `${token.name} (${formatDuration(token.seconds)}) is longer than RefreshTokenValidity (${formatDuration(refresh.seconds)}).`,
        hint: 'The refresh token expires first, so it can never renew these tokens: shorten them or lengthen the refresh token.',
        ref: REF,
      })
    }
  }
  // Managed login keeps its own session cookie for 1 hour (developer guide, app client settings).
  const shortest = Math.min(access.seconds, id.seconds)
  if (client.AllowedOAuthFlowsUserPoolClient === true && shortest < HOUR) {
    findings.push({
      severity: 'info',
      code: 'COGNITO_CLIENT_SHORT_TOKENS_HOSTED_UI',
      message: `Tokens last ${formatDuration(shortest)}, but the hosted UI's session cookie lasts 1 hour.`,
      hint: 'Within that hour the hosted UI hands out new tokens without asking the user to sign in again.',
      ref: 'Cognito developer guide: app client token expiration',
    })
  }
  return findings
}

function lifetime(
  name: string,
  value: number | undefined,
  unit: TimeUnit | undefined,
  defaultUnit: TimeUnit,
  defaultSeconds: number,
): Lifetime {
  return {
    name,
    seconds: value === undefined ? defaultSeconds : value * SECONDS_PER[unit ?? defaultUnit],
  }
}

function outOfRange(token: Lifetime, min: number, max: number): Diagnostic[] {
  if (token.seconds >= min && token.seconds <= max) return []
  return [
    {
      severity: 'error',
      code: 'COGNITO_CLIENT_TOKEN_VALIDITY_RANGE',
      message: `${token.name} is ${formatDuration(token.seconds)}, outside what Cognito accepts.`,
      hint: `Choose between ${formatDuration(min)} and ${formatDuration(max)}; check TokenValidityUnits too (a number read in the wrong unit is the usual cause).`,
      ref: REF,
      expected: `${formatDuration(min)} to ${formatDuration(max)}`,
      actual: formatDuration(token.seconds),
    },
  ]
}

function formatDuration(seconds: number): string {
  const [size, unit] =
    seconds % DAY === 0
      ? [seconds / DAY, 'day']
      : seconds % HOUR === 0
        ? [seconds / HOUR, 'hour']
        : seconds % MINUTE === 0
          ? [seconds / MINUTE, 'minute']
          : [seconds, 'second']
  return `${size} ${unit}${size === 1 ? '' : 's'}`
}
