// Everything an operation needs, in one object passed down: the pool, its sessions and token
// families, the signing keys, the outbox and the clock (injected so tests can move time).
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
  /** `http://127.0.0.1:<port>/<poolId>`, known once the server listens. */
  issuer: string
}
