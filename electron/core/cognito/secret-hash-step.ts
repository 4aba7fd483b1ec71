// SECRET_HASH as the run shows it: a compute step the first time each user name is hashed, the
// value itself a secret (it is replayable for that user name), the formula in words.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
import type { RunContext } from '../runs/run-context'
import { computeSecretHash } from './secret-hash'

const FORMULA = 'Base64(HMAC-SHA256(key = client secret, message = user name + client id))'
const AFTER_FIRST =
  'From the first challenge on, Cognito checks the hash over the user name it returned (USER_ID_FOR_SRP), not the name or alias typed.'

export class SecretHasher {
  readonly #ctx: RunContext
  readonly #clientId: string
  readonly #clientSecret: string | undefined
  readonly #hashes = new Map<string, string>()

  constructor(ctx: RunContext, clientId: string, clientSecret: string | undefined) {
    this.#ctx = ctx
    this.#clientId = clientId
    this.#clientSecret = clientSecret
  }

  /** Whether the client has a secret, so that every call needs SECRET_HASH. */
  get isRequired(): boolean {
    return Boolean(this.#clientSecret)
  }

  /**
   * `{ SECRET_HASH }` for a client with a secret, `{}` for a public client. `why` says why this
   * user name is hashed; the default says so for names Cognito returned after the first call.
   */
  async paramsFor(username: string, why?: string): Promise<{ SECRET_HASH?: string }> {
    const secret = this.#clientSecret
    if (!secret) return {}
    const known = this.#hashes.get(username)
    if (known !== undefined) return { SECRET_HASH: known }
    const reason = why ?? (this.#hashes.size > 0 ? AFTER_FIRST : undefined)
    const hash = await this.#ctx.compute(
      { title: `Compute SECRET_HASH for ${username}`, explain: 'cognito.secret-hash' },
      {
        formula: FORMULA,
        key: secret,
        message: `${username}${this.#clientId}`,
        ...(reason ? { why: reason } : {}),
      },
      () => computeSecretHash(username, this.#clientId, secret),
      (value) => ({ SECRET_HASH: this.#ctx.secrets.add(value, 'SECRET_HASH') }),
    )
    this.#hashes.set(username, hash)
    return { SECRET_HASH: hash }
  }
}
