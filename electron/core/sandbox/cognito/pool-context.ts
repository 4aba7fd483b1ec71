// Everything an operation needs, in one object passed down: the pool, its sessions and token
// families, the signing keys, the outbox, the clock (injected so tests can move time) and the
// maker of sign-in codes (injected so a test can know a code before it is sent).
import type { Outbox } from './outbox'
import type { PoolState } from './pool-state'
import type { SessionStore } from './session-store'
import type { TokenFamilies } from './token-families'
import type { TokenKeys } from './cognito-tokens'

export type PoolContext = {
  pool: PoolState
  sessions: SessionStore
  families: TokenFamilies
  keys: TokenKeys
  outbox: Outbox
  now: () => number
  /** Six digits for each SMS or email code of a sign-in (MFA or passwordless). */
  createSignInCode: () => string
  /** `http://127.0.0.1:<port>/<poolId>`, known once the server listens. */
  issuer: string
}
