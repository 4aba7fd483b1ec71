// Reads the private key a client signs its assertions with (private_key_jwt), given as a JWK, and
// says in words why a text is not one: not JSON, a public key only, a key that cannot sign.
// Messages never quote the text: it is a secret, and JSON.parse's own words would show part of it.
// @see RFC 7517 §4 (JWK), RFC 7518 §6 (key types), RFC 7523 §2.2 (JWT client authentication)
import { importJWK, type CryptoKey, type JWK } from 'jose'
import { AfxError } from '../errors'

export type ClientPrivateKey = {
  key: CryptoKey
  /** The JWS alg the assertion is signed with: the JWK's own, or the usual one for its type. */
  alg: string
  kid: string | undefined
  /** The values of the key's private members, each a secret of the run. */
  privateValues: string[]
}

/** RFC 7518 §6.2.2 (EC), §6.3.2 (RSA), RFC 8037 §2 (OKP): the members that make a key private. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const

/** The algorithm a key signs with when its JWK names none, by key type (and curve). */
const USUAL_ALG: Record<string, string> = {
  RSA: 'RS256',
  'EC:P-256': 'ES256',
  'EC:P-384': 'ES384',
  'EC:P-521': 'ES512',
  'OKP:Ed25519': 'EdDSA',
}

/** The JWS algorithms a private key can sign a client assertion with here. */
const SIGNING_ALG = /^((RS|PS|ES)(256|384|512)|EdDSA|Ed25519)$/

const REF = 'RFC 7523 §2.2, RFC 7517 §4'
const EXAMPLE = '{"kty":"EC","crv":"P-256","x":"…","y":"…","d":"…"}'

/**
 * Imports the client's private JWK for signing; throws an AfxError with a hint when the text is
 * not a private signing key.
 * @see RFC 7517 §4, RFC 7523 §2.2
 */
export async function readPrivateKeyJwk(text: string): Promise<ClientPrivateKey> {
  const jwk = parseJwk(text)
  if (jwk.kty === 'oct') {
    throw unreadable(
      'This JWK is a shared secret (kty "oct"), not a private key.',
      'private_key_jwt signs with a private RSA, EC or Ed25519 key; the provider checks it with the public half you registered.',
    )
  }
  if (jwk.d === undefined) {
    throw unreadable(
      'This JWK is a public key only: it has no "d", the private part.',
      'Give the private JWK (the one with "d"). The public JWK is what you register with the provider.',
    )
  }
  const alg = jwk.alg ?? USUAL_ALG[jwk.kty === 'RSA' ? 'RSA' : `${jwk.kty}:${jwk.crv}`]
  if (alg === undefined) {
    const kind = `${jwk.kty} key${jwk.crv === undefined ? '' : ` on ${jwk.crv}`}`
    throw unreadable(
      `This ${kind} cannot sign a client assertion here.`,
      'Use an RSA key, an EC key on P-256, P-384 or P-521, or an Ed25519 key.',
    )
  }
  if (!SIGNING_ALG.test(alg)) {
    throw unreadable(
      `This JWK is declared for "${alg}", which is not a signature algorithm a client assertion can use.`,
      'Use a key for RS256, PS256, ES256 or EdDSA (its "alg" member), or one without "alg".',
    )
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw unreadable(
      `This JWK is declared for "${jwk.use}" (its "use" member), not for signatures ("sig").`,
      'Use a signing key, or generate a key pair here.',
    )
  }
  let key: CryptoKey
  try {
    key = (await importJWK(jwk, alg, { extractable: false })) as CryptoKey
  } catch (cause) {
    throw unreadable(
      `This JWK could not be read as a private key for ${alg}: ${(cause as Error).message.replace(/\.$/, '')}.`,
      'Check that the whole key was copied and that its members fit its "kty" and "crv"; generate a new key pair if in doubt.',
      cause,
    )
  }
  return {
    key,
    alg,
    kid: jwk.kid,
    privateValues: PRIVATE_MEMBERS.flatMap((name) => {
      const value = jwk[name]
      return typeof value === 'string' && value !== '' ? [value] : []
    }),
  }
}

/** The one JWK in the text: a JWK, or a JWK Set holding exactly one key. */
function parseJwk(text: string): JWK {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw unreadable(
      'The private key is not JSON.',
      `Give a JWK, a JSON object such as ${EXAMPLE}.`,
    )
  }
  const keys = (value as { keys?: unknown } | null)?.keys
  if (Array.isArray(keys)) {
    if (keys.length !== 1) {
      throw unreadable(
        `This is a JWK Set with ${keys.length} keys; the client signs with one.`,
        'Give the one private JWK the client signs with.',
      )
    }
    value = keys[0]
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unreadable(
      'The private key is JSON, but not a JWK (an object).',
      `Give a JWK such as ${EXAMPLE}.`,
    )
  }
  if (typeof (value as JWK).kty !== 'string') {
    throw unreadable(
      'This JWK has no "kty": every key names its type.',
      `Give a JWK such as ${EXAMPLE}.`,
    )
  }
  return value as JWK
}

function unreadable(message: string, hint: string, cause?: unknown): AfxError {
  return new AfxError('TOKEN_KEY_UNREADABLE', message, { hint, ref: REF, cause })
}
