// The client side of Cognito's USER_SRP_AUTH: SRP_A for InitiateAuth, then the answer to the
// PASSWORD_VERIFIER challenge, returning every intermediate value so a run can show it.
// @see RFC 5054 §2.6 (SRP-6a client); Cognito's variant as amazon-cognito-identity-js's
// AuthenticationHelper computes it
import { randomBytes } from 'node:crypto'
import { AfxError } from '../errors'
import { computeU, computeX, derivePasswordClaimKey, g, k, signPasswordClaim } from './srp-group'
import { modPowN } from './srp-mod-pow'
import { decodeSecretBlock, parsePublicValue, parseSalt } from './srp-parameters'

/** The same size as amazon-cognito-identity-js's a: 1024 bits, well below N. */
const PRIVATE_EPHEMERAL_BYTES = 128
const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export type SrpClientSession = {
  /** The part of the pool id after the underscore: "Abc123" for "us-east-1_Abc123". */
  poolName: string
  /** The private ephemeral value a. Secret: redact it in runs and exports. */
  a: bigint
  /** g^a mod N as SRP_A: lowercase hex without padding, as amazon-cognito-identity-js sends it. */
  A: string
}

/**
 * Starts a USER_SRP_AUTH sign-in: draws a and computes SRP_A = g^a mod N.
 * @see RFC 5054 §2.5.4 (A = g^a % N); AWS Cognito API Reference, InitiateAuth (SRP_A)
 */
export function createSrpClientSession(input: {
  poolId: string
  random?: (bytes: number) => Buffer
}): SrpClientSession {
  if (!POOL_ID.test(input.poolId)) {
    throw new AfxError(
      'COGNITO_SRP_BAD_PARAMETER',
      `"${input.poolId}" is not a user pool id: SRP needs the pool name after the underscore.`,
      {
        hint: 'A user pool id looks like us-east-1_Abc123 (region, underscore, name).',
        ref: 'AWS Cognito API Reference, UserPoolType (Id)',
      },
    )
  }
  const random = input.random ?? randomBytes
  const a = BigInt(`0x${random(PRIVATE_EPHEMERAL_BYTES).toString('hex') || '0'}`)
  if (a === 0n) {
    // a = 0 gives A = 1 and a session key anyone can compute: the random source is broken.
    throw new AfxError('COGNITO_SRP_BAD_PARAMETER', 'The random source returned zero for a.', {
      ref: 'RFC 5054 §2.5.4',
    })
  }
  return {
    poolName: input.poolId.slice(input.poolId.indexOf('_') + 1),
    a,
    A: modPowN(g, a).toString(16),
  }
}

export type PasswordVerifierInput = {
  session: SrpClientSession
  /** USER_ID_FOR_SRP from the challenge, not the alias (email, phone) the person typed. */
  userIdForSrp: string
  password: string
  /** SRP_B, SALT and SECRET_BLOCK from the PASSWORD_VERIFIER challenge parameters. */
  srpB: string
  salt: string
  secretBlock: string
  now?: () => Date
}

/** Every value of the computation, hex unless said otherwise. k, u and SRP_A are public. */
export type PasswordVerifierResponse = {
  k: string
  u: string
  /** Secret: derived from the password. */
  x: string
  /** Secret: the shared premaster value. */
  S: string
  /** Secret: the 16-byte HKDF key that signs the claim. */
  hkdfKey: string
  /** TIMESTAMP, "ddd MMM D HH:mm:ss UTC YYYY". */
  timestamp: string
  /** PASSWORD_CLAIM_SIGNATURE, base64. */
  signature: string
  /** What RespondToAuthChallenge(PASSWORD_VERIFIER) sends, SECRET_HASH aside. */
  challengeResponses: {
    USERNAME: string
    PASSWORD_CLAIM_SECRET_BLOCK: string
    PASSWORD_CLAIM_SIGNATURE: string
    TIMESTAMP: string
  }
}

/**
 * Answers PASSWORD_VERIFIER: S = (B - k*g^x)^(a + u*x) mod N, the HKDF key from S and u, and the
 * HMAC signature over pool name, USER_ID_FOR_SRP, SECRET_BLOCK and TIMESTAMP.
 * @see RFC 5054 §2.5.4 and §2.6 (client premaster secret); AWS Cognito API Reference,
 * RespondToAuthChallenge (PASSWORD_VERIFIER)
 */
export function computePasswordVerifierResponse(
  input: PasswordVerifierInput,
): PasswordVerifierResponse {
  const { session, userIdForSrp, password } = input
  const B = parsePublicValue('SRP_B', input.srpB)
  const salt = parseSalt(input.salt)
  const secretBlock = decodeSecretBlock(input.secretBlock)
  const u = computeU(BigInt(`0x${session.A}`), B)
  if (u === 0n) {
    throw new AfxError(
      'COGNITO_SRP_INVALID_B',
      'The server sent an invalid SRP value B: u = H(A | B) is zero, so the sign-in was stopped.',
      {
        hint: 'With u = 0 the key no longer depends on the password: start again.',
        ref: 'RFC 5054 §2.5.4',
      },
    )
  }
  const x = computeX(salt, session.poolName, userIdForSrp, password)
  const S = modPowN(B - k * modPowN(g, x), session.a + u * x)
  const key = derivePasswordClaimKey(S, u)
  const timestamp = formatCognitoTimestamp((input.now ?? (() => new Date()))())
  const signature = signPasswordClaim({
    key,
    poolName: session.poolName,
    userIdForSrp,
    secretBlock,
    timestamp,
  }).toString('base64')
  return {
    k: k.toString(16),
    u: u.toString(16),
    x: x.toString(16),
    S: S.toString(16),
    hkdfKey: key.toString('hex'),
    timestamp,
    signature,
    challengeResponses: {
      USERNAME: userIdForSrp,
      PASSWORD_CLAIM_SECRET_BLOCK: input.secretBlock,
      PASSWORD_CLAIM_SIGNATURE: signature,
      TIMESTAMP: timestamp,
    },
  }
}

/**
 * Formats TIMESTAMP as Cognito checks it: "ddd MMM D HH:mm:ss UTC YYYY" in UTC with English
 * names, the day of the month not zero-padded ("Tue Jan 7 09:05:03 UTC 2025").
 * @see amazon-cognito-identity-js DateHelper.getNowString
 */
export function formatCognitoTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const day = `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  return `${day} ${time} UTC ${date.getUTCFullYear()}`
}
