import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { computeSecretHash } from '../../../electron/core/cognito/secret-hash'
import vectors from '../../fixtures/cognito-srp-vectors.json'
import { createSeededRandom } from '../../helpers/seeded-random'

// An HMAC-SHA256 written apart from Node's OpenSSL: AWS's pure-JS one, which
// amazon-cognito-identity-js signs with (resolved from that library, whose dependency it is).
const requireFromAcij = createRequire(
  createRequire(import.meta.url).resolve('amazon-cognito-identity-js'),
)
const { Sha256 } = requireFromAcij('@aws-crypto/sha256-js') as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array }
}

function hmacSha256Base64(key: string, message: string): string {
  const hmac = new Sha256(Buffer.from(key, 'utf8'))
  hmac.update(Buffer.from(message, 'utf8'))
  return Buffer.from(hmac.digestSync()).toString('base64')
}

describe('computeSecretHash', () => {
  it.each(vectors.secretHash.cases.map((c) => [c.name, c] as const))(
    'matches the AWS knowledge-center script and openssl: %s',
    (_name, c) => {
      expect(computeSecretHash(c.username, c.clientId, c.clientSecret)).toBe(c.secretHash)
    },
  )

  it('agrees with an independent HMAC-SHA256 on random user names, ids and secrets', () => {
    const random = createSeededRandom('secret-hash')
    for (let index = 0; index < 50; index++) {
      const username = `${random(1 + index).toString('base64')}-ü-🔐-${index}`
      const clientId = random(13).toString('hex').slice(0, 26)
      const clientSecret = random(39).toString('base64url').slice(0, 51)
      expect(computeSecretHash(username, clientId, clientSecret)).toBe(
        hmacSha256Base64(clientSecret, `${username}${clientId}`),
      )
    }
  })

  it('changes with the user name: the alias and USER_ID_FOR_SRP hash differently', () => {
    const [sub] = vectors.secretHash.cases
    expect(computeSecretHash('alice@example.test', sub!.clientId, sub!.clientSecret)).not.toBe(
      sub!.secretHash,
    )
  })
})
