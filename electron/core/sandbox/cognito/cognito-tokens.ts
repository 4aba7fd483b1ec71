// Mints Cognito-shaped ID and access tokens (RS256, two keys as in a real pool) and publishes
// their JWKS; checks the access tokens that user-context operations present.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html
import { randomUUID } from 'node:crypto'
import {
  SignJWT,
  errors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose'
import type { CryptoKey } from 'jose'
import type { PoolUser } from './pool-state'
import type { TokenFamily } from './token-families'
import { ACCESS_TOKEN_TTL_S } from './pool-config'
import { cognitoErrors } from './cognito-errors'

type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK }

/** The pool's two signing keys: Cognito signs ID and access tokens with different keys. */
export type TokenKeys = { id: SigningKey; access: SigningKey }

export type AuthenticationResult = {
  AccessToken: string
  ExpiresIn: number
  TokenType: 'Bearer'
  IdToken: string
  RefreshToken?: string
  /** A sign-in without a known DEVICE_KEY: the device Cognito now tracks. */
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string }
}

/**
 * Generates the pool's RS256 key pairs for this run (nothing is persisted).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export async function createTokenKeys(): Promise<TokenKeys> {
  const [id, access] = await Promise.all([createSigningKey(), createSigningKey()])
  return { id, access }
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const kid = randomUUID()
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  return { kid, privateKey, publicKey, jwk }
}

/**
 * The JWKS served at `/<poolId>/.well-known/jwks.json`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function publicJwks(keys: TokenKeys): { keys: JWK[] } {
  return { keys: [keys.id.jwk, keys.access.jwk] }
}

/**
 * Signs the ID and access tokens of a family; the refresh token only at sign-in, not on refresh.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
export async function mintTokens(input: {
  keys: TokenKeys
  issuer: string
  user: PoolUser
  family: TokenFamily
  nowMs: number
  includeRefreshToken: boolean
}): Promise<AuthenticationResult> {
  const { keys, issuer, user, family } = input
  const iat = Math.floor(input.nowMs / 1000)
  const common = {
    sub: user.sub,
    ...(user.groups.length > 0 ? { 'cognito:groups': user.groups } : {}),
    iss: issuer,
    origin_jti: family.originJti,
    event_id: family.eventId,
    auth_time: family.authTime,
    exp: iat + ACCESS_TOKEN_TTL_S,
    iat,
  }
  const idClaims = {
    ...common,
    ...identityClaims(user),
    'cognito:username': user.username,
    aud: family.clientId,
    token_use: 'id',
    jti: randomUUID(),
  }
  // No `aud` in an access token: the audience is in `client_id`, as in real Cognito.
  const accessClaims = {
    ...common,
    client_id: family.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    jti: randomUUID(),
    username: user.username,
  }
  const [IdToken, AccessToken] = await Promise.all([
    sign(idClaims, keys.id),
    sign(accessClaims, keys.access),
  ])
  return {
    AccessToken,
    ExpiresIn: ACCESS_TOKEN_TTL_S,
    TokenType: 'Bearer',
    IdToken,
    ...(input.includeRefreshToken ? { RefreshToken: family.refreshToken } : {}),
  }
}

function identityClaims(user: PoolUser): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {}
  for (const [name, value] of user.attributes) {
    if (name === 'sub') continue
    claims[name] = name.endsWith('_verified') ? value === 'true' : value
  }
  return claims
}

function sign(claims: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey)
}

/**
 * Checks an access token as a user-context operation must: our signature, our issuer, not
 * expired, `token_use: access`. Revocation is checked by the caller against the token families.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export async function verifyAccessToken(
  keys: TokenKeys,
  issuer: string,
  token: string,
  nowMs: number,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keys.access.publicKey, {
      issuer,
      algorithms: ['RS256'],
      currentDate: new Date(nowMs),
    })
    if (payload.token_use !== 'access') throw cognitoErrors.invalidAccessToken()
    return payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw cognitoErrors.accessTokenExpired()
    throw cognitoErrors.invalidAccessToken()
  }
}
