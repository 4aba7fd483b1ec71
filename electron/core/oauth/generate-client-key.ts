// Makes a key pair for a private_key_jwt client: the private JWK it signs assertions with, and the
// public JWK to register with the provider, both named by the same kid, the key's thumbprint.
// @see RFC 7523 §2.2, RFC 7517 §4 (JWK), RFC 7638 (JWK Thumbprint)
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'
import type { ClientKeyAlg, GeneratedClientKey } from '../../../shared/flow-input'

/**
 * A fresh key pair for `alg` (RSA keys are 2048 bits; EdDSA keys Ed25519).
 * @see RFC 7638 §3 (the thumbprint used as kid)
 */
export async function generateClientKey(alg: ClientKeyAlg): Promise<GeneratedClientKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  const named = { kid, alg, use: 'sig' }
  return {
    privateJwk: JSON.stringify({ ...(await exportJWK(privateKey)), ...named }, null, 2),
    publicJwk: JSON.stringify({ ...publicJwk, ...named }, null, 2),
    kid,
  }
}
