// Passphrase crypto for secrets at rest: the vault in workspace.json and the secrets of a profiles
// export. scrypt turns a passphrase into a 256-bit key; AES-256-GCM seals each secret with its
// own IV. A sealed "check" value tells a wrong passphrase apart from a changed ciphertext.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { z } from 'zod'
import { AfxError } from '../errors'

/** scrypt's cost parameters (RFC 7914 §2). */
export type ScryptCost = { N: number; r: number; p: number }

/**
 * The cost of every new vault and export: 2^17 × 8 × 128 bytes = 128 MiB and a few hundred ms,
 * OWASP's recommendation for scrypt. Tests pass a lower one; what a file records is what opens it.
 * @see RFC 7914 §2 https://www.rfc-editor.org/rfc/rfc7914#section-2
 */
export const STRONG_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }

/** scrypt needs 128·N·r bytes; a file asking for more than this is refused, not obeyed. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024

const Base64Url = z.string().regex(/^[\w-]*$/, 'Expected base64url text.')

/** How a key was derived, kept next to what it sealed so the same passphrase derives it again. */
export const ScryptParams = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two.'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(4),
    salt: Base64Url.min(22),
  })
  .refine(
    (kdf) => 128 * kdf.N * kdf.r <= MAX_SCRYPT_MEMORY,
    'These scrypt costs need too much memory.',
  )
export type ScryptParams = z.infer<typeof ScryptParams>

/** One AES-256-GCM ciphertext: a fresh 12-byte IV, the ciphertext, the 16-byte tag. */
export const Sealed = z.object({
  iv: Base64Url.length(16),
  data: Base64Url,
  tag: Base64Url.length(22),
})
export type Sealed = z.infer<typeof Sealed>

/** What a passphrase opens: the derivation and a sealed check value. */
export const PassphraseLock = z.object({ kdf: ScryptParams, check: Sealed })
export type PassphraseLock = z.infer<typeof PassphraseLock>

const CHECK_VALUE = 'afx-passphrase-check-v1'

/** A key derived from a passphrase, held in memory only (the passphrase itself is never kept). */
export class SealingKey {
  readonly #key: Buffer
  /** The salt of the derivation: it names which lock this key opens. */
  readonly salt: string
  /** Words for what the key opens, e.g. "the vault", used in its errors. */
  readonly #label: string

  private constructor(key: Buffer, salt: string, label: string) {
    this.#key = key
    this.salt = salt
    this.#label = label
  }

  /** A new key with a fresh 16-byte salt, and the lock to write next to what it seals. */
  static create(
    passphrase: string,
    cost: ScryptCost,
    label: string,
  ): { key: SealingKey; lock: PassphraseLock } {
    const kdf: ScryptParams = {
      name: 'scrypt',
      ...cost,
      salt: randomBytes(16).toString('base64url'),
    }
    const key = new SealingKey(deriveKey(passphrase, kdf), kdf.salt, label)
    return { key, lock: { kdf, check: key.seal(CHECK_VALUE) } }
  }

  /** Derives the key again and proves it on the check value. */
  static unlock(passphrase: string, lock: PassphraseLock, label: string): SealingKey {
    const key = new SealingKey(deriveKey(passphrase, lock.kdf), lock.kdf.salt, label)
    let check: string
    try {
      check = key.#decrypt(lock.check)
    } catch {
      // GCM cannot say which of key and ciphertext is wrong; the check value is the one thing
      // nobody has a reason to edit, so a failure here is read as the wrong passphrase.
      throw new AfxError('VAULT_WRONG_PASSPHRASE', `That passphrase does not open ${label}.`, {
        hint: 'Passphrases are case-sensitive. A forgotten one cannot be recovered: the secrets it sealed have to be entered again.',
      })
    }
    if (check !== CHECK_VALUE) throw key.#tampered()
    return key
  }

  /** @see NIST SP 800-38D (GCM): a 96-bit IV never reused with the same key. */
  seal(plain: string): Sealed {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return {
      iv: iv.toString('base64url'),
      data: data.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
    }
  }

  /** The plain text, or VAULT_TAMPERED when the tag does not match what was sealed. */
  open(sealed: Sealed): string {
    try {
      return this.#decrypt(sealed)
    } catch {
      throw this.#tampered()
    }
  }

  #decrypt(sealed: Sealed): string {
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(sealed.iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'))
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.data, 'base64url')),
      decipher.final(),
    ]).toString('utf8')
  }

  #tampered(): AfxError {
    return new AfxError(
      'VAULT_TAMPERED',
      `A secret sealed in ${this.#label} was changed after it was sealed: it fails its integrity check.`,
      { hint: 'Enter that secret again. If nobody edited the file by hand, something else did.' },
    )
  }
}

/** @see RFC 7914 §6 https://www.rfc-editor.org/rfc/rfc7914#section-6 */
function deriveKey(passphrase: string, kdf: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64url'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    // Node's default (32 MiB) is exactly 128·N·r at N=2^15, r=8 and refuses it; allow twice that.
    maxmem: 2 * 128 * kdf.N * kdf.r + 1024 * 1024,
  })
}
