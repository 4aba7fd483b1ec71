// What the token inspector is asked (a token, what the caller expects of it, where its key is) and
// what it answers: the decoded token, the signature verdict, each validation step as a line with
// its spec reference, every claim explained, and known provider pitfalls. JSON all the way down.
// @see OpenID Connect Core 1.0 §3.1.3.7, RFC 7519 §7.2, RFC 9068 §4
import { z } from 'zod'

const JsonObject = z.record(z.string(), z.unknown())

// --- What the caller asks ---

export const ExpectedTokenKind = z.enum(['id_token', 'access_token', 'auto'])
export type ExpectedTokenKind = z.infer<typeof ExpectedTokenKind>

/** The response type family the token arrived by: it decides which hashes and nonce are required. */
export const TokenFlow = z.enum(['code', 'implicit', 'hybrid'])
export type TokenFlow = z.infer<typeof TokenFlow>

export const TokenExpectations = z.strictObject({
  kind: ExpectedTokenKind.default('auto'),
  /** The issuer identifier the token must carry in `iss` (and where discovery starts). */
  issuer: z.string().max(2048).optional(),
  clientId: z.string().max(1024).optional(),
  /** For access tokens: the resource server's identifier that `aud` must contain (RFC 9068 §4). */
  audience: z.string().max(2048).optional(),
  nonce: z.string().max(4096).optional(),
  maxAgeSeconds: z.number().int().nonnegative().optional(),
  clockSkewSeconds: z.number().int().min(0).max(86_400).default(60),
  /** The access token that came with the ID token, to check `at_hash`. */
  accessToken: z.string().max(64_000).optional(),
  /** The authorization code that came with the ID token, to check `c_hash`. */
  code: z.string().max(4096).optional(),
  /** The `state` of the request, to check `s_hash`. */
  state: z.string().max(4096).optional(),
  flow: TokenFlow.optional(),
  /** The `sub` of the UserInfo response, which must equal the ID token's. */
  userinfoSub: z.string().max(1024).optional(),
})
export type TokenExpectations = z.infer<typeof TokenExpectations>

/** Where the verification key comes from. A pasted key may also be the JWE decryption key. */
export const TokenKeyInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('issuer') }),
  z.strictObject({ kind: z.literal('jwks_url'), url: z.url({ protocol: /^https?$/ }).max(2048) }),
  z.strictObject({ kind: z.literal('jwk'), json: z.string().max(64_000) }),
  z.strictObject({ kind: z.literal('pem'), pem: z.string().max(64_000) }),
  z.strictObject({ kind: z.literal('hmac'), secret: z.string().min(1).max(4096) }),
])
export type TokenKeyInput = z.infer<typeof TokenKeyInput>

export const InspectTokenInput = z.strictObject({
  token: z.string().max(64_000, 'A token is at most 64,000 characters.'),
  expect: TokenExpectations.prefault({}),
  key: TokenKeyInput.optional(),
})
/** What callers write: defaults (kind `auto`, 60 s of clock skew) may be left out. */
export type InspectTokenInput = z.input<typeof InspectTokenInput>
export type ParsedInspectTokenInput = z.output<typeof InspectTokenInput>

// --- What the inspector answers ---

export const TokenKind = z.enum(['jws', 'jwe', 'unsecured', 'opaque', 'malformed'])
export type TokenKind = z.infer<typeof TokenKind>

export const TokenSerialization = z.enum(['compact', 'json_flattened', 'json_general'])
export type TokenSerialization = z.infer<typeof TokenSerialization>

export const TokenType = z.enum([
  'id_token',
  'access_token',
  'cognito_id',
  'cognito_access',
  'logout_token',
  'unknown',
])
export type TokenType = z.infer<typeof TokenType>

export const SignatureStatus = z.enum(['valid', 'invalid', 'not_checked', 'unsupported'])
export type SignatureStatus = z.infer<typeof SignatureStatus>

export const SignatureReport = z.object({
  status: SignatureStatus,
  alg: z.string().optional(),
  /** Where the key came from, e.g. "JWKS of http://127.0.0.1:4000/jwks.json, kid abc". */
  keySource: z.string().optional(),
  explanation: z.string(),
})
export type SignatureReport = z.infer<typeof SignatureReport>

export const EncryptionReport = z.object({
  alg: z.string().optional(),
  enc: z.string().optional(),
  status: z.enum(['encrypted', 'decrypted', 'failed']),
  explanation: z.string(),
})
export type EncryptionReport = z.infer<typeof EncryptionReport>

export const CheckStatus = z.enum(['pass', 'fail', 'warn', 'skip'])
export type CheckStatus = z.infer<typeof CheckStatus>

export const TokenCheckId = z.enum([
  'format',
  'decrypt',
  'discovery',
  'jwks',
  'alg',
  'kid',
  'signature',
  'typ',
  'iss',
  'aud',
  'azp',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'auth_time',
  'at_hash',
  'c_hash',
  's_hash',
  'sub',
  'userinfo_sub',
  'client_id',
  'jti',
  'scope',
  'token_use',
  'username',
])
export type TokenCheckId = z.infer<typeof TokenCheckId>

/** Why a check failed or warns, one code per cause, so faces can pick teaching text by code. */
export const TokenCheckCode = z.enum([
  'TOKEN_OPAQUE',
  'TOKEN_WRONG_PART_COUNT',
  'TOKEN_BAD_BASE64URL',
  'TOKEN_BAD_JSON',
  'TOKEN_NOT_AN_OBJECT',
  'TOKEN_TOO_DEEP',
  'TOKEN_MALFORMED',
  'TOKEN_JSON_SERIALIZATION_INVALID',
  'TOKEN_EXTRA_SIGNATURES_IGNORED',
  'TOKEN_ENCRYPTED',
  'TOKEN_DECRYPT_FAILED',
  'TOKEN_NO_ISSUER',
  'TOKEN_INSECURE_URL',
  'TOKEN_DISCOVERY_FETCH_FAILED',
  'TOKEN_DISCOVERY_NOT_JSON',
  'TOKEN_DISCOVERY_INVALID',
  'TOKEN_DISCOVERY_ISSUER_MISMATCH',
  'TOKEN_JWKS_FETCH_FAILED',
  'TOKEN_JWKS_NOT_JSON',
  'TOKEN_JWKS_INVALID',
  'TOKEN_JWKS_PRIVATE_KEYS',
  'TOKEN_PRIVATE_KEY_GIVEN',
  'TOKEN_ALG_MISSING',
  'TOKEN_ALG_NONE',
  'TOKEN_ALG_UNSUPPORTED',
  'TOKEN_ALG_NOT_ALLOWED',
  'TOKEN_ALG_CONFUSION',
  'TOKEN_ALG_KEY_MISMATCH',
  'TOKEN_KID_NOT_FOUND',
  'TOKEN_KID_AMBIGUOUS',
  'TOKEN_KID_DIFFERS',
  'TOKEN_NO_APPLICABLE_KEY',
  'TOKEN_SIGNATURE_INVALID',
  'TOKEN_JWS_INVALID',
  'TOKEN_TYP_NOT_AT_JWT',
  'TOKEN_ISS_MISSING',
  'TOKEN_ISS_MISMATCH',
  'TOKEN_AUD_MISSING',
  'TOKEN_AUD_MISMATCH',
  'TOKEN_AUD_UNTRUSTED',
  'TOKEN_AZP_MISSING',
  'TOKEN_AZP_MISMATCH',
  'TOKEN_CLAIM_NOT_NUMERIC',
  'TOKEN_EXP_MISSING',
  'TOKEN_EXPIRED',
  'TOKEN_IAT_MISSING',
  'TOKEN_IAT_FUTURE',
  'TOKEN_IAT_TOO_OLD',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_NONCE_MISSING',
  'TOKEN_NONCE_MISMATCH',
  'TOKEN_NONCE_NOT_CHECKED',
  'TOKEN_AUTH_TIME_MISSING',
  'TOKEN_AUTH_TIME_TOO_OLD',
  'TOKEN_AT_HASH_MISSING',
  'TOKEN_AT_HASH_MISMATCH',
  'TOKEN_C_HASH_MISSING',
  'TOKEN_C_HASH_MISMATCH',
  'TOKEN_S_HASH_MISMATCH',
  'TOKEN_HASH_ALG_UNSUPPORTED',
  'TOKEN_SUB_MISSING',
  'TOKEN_SUB_TOO_LONG',
  'TOKEN_USERINFO_SUB_MISMATCH',
  'TOKEN_CLIENT_ID_MISSING',
  'TOKEN_CLIENT_ID_MISMATCH',
  'TOKEN_JTI_MISSING',
  'TOKEN_SCOPE_INVALID',
  'TOKEN_USE_MISSING',
  'TOKEN_USE_MISMATCH',
  'TOKEN_USERNAME_MISSING',
])
export type TokenCheckCode = z.infer<typeof TokenCheckCode>

export const TokenCheck = z.object({
  id: TokenCheckId,
  status: CheckStatus,
  /** Words for a person. Never a token, secret or key value (a length or a kid is fine). */
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** The rule, e.g. "OIDC Core §3.1.3.7 step 2". */
  ref: z.string(),
  code: TokenCheckCode.optional(),
})
export type TokenCheck = z.infer<typeof TokenCheck>

export const ClaimLine = z.object({
  name: z.string(),
  value: z.unknown(),
  description: z.string().optional(),
  /** The spec or provider the claim is defined by, e.g. "RFC 7519 §4.1.4". */
  source: z.string().optional(),
  link: z.string().optional(),
  known: z.boolean(),
  time: z.object({ utc: z.string(), relative: z.string() }).optional(),
})
export type ClaimLine = z.infer<typeof ClaimLine>

export const TokenPitfallCode = z.enum([
  'COGNITO_USERINFO_NEEDS_OPENID',
  'COGNITO_ACCESS_TOKEN_HAS_NO_AUD',
  'ID_TOKEN_USED_AS_ACCESS_TOKEN',
  'ACCESS_TOKEN_USED_AS_ID_TOKEN',
])
export type TokenPitfallCode = z.infer<typeof TokenPitfallCode>

export const TokenPitfall = z.object({
  code: TokenPitfallCode,
  title: z.string(),
  explanation: z.string(),
  hint: z.string(),
  ref: z.string(),
  link: z.string().optional(),
})
export type TokenPitfall = z.infer<typeof TokenPitfall>

export const TokenReport = z.object({
  kind: TokenKind,
  serialization: TokenSerialization.optional(),
  header: JsonObject.optional(),
  /** Absent for opaque and malformed tokens, and for a JWE nobody could decrypt. */
  payload: JsonObject.optional(),
  /** Why there is no payload, e.g. "encrypted: give the decryption key to read it". */
  payloadNote: z.string().optional(),
  tokenType: z.object({
    /** Guessed from the token itself. */
    type: TokenType,
    why: z.string(),
    /** The rules the claims were checked against: the caller's expectation wins over the guess. */
    checkedAs: TokenType,
  }),
  signature: SignatureReport,
  encryption: EncryptionReport.optional(),
  checks: z.array(TokenCheck),
  claims: z.array(ClaimLine),
  pitfalls: z.array(TokenPitfall),
})
export type TokenReport = z.infer<typeof TokenReport>
