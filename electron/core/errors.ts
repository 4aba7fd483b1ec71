// The one error type the core throws: a code from the contract, words for a person, and a hint.
import type { ErrorCode } from '../../shared/wire-error'

export type AfxErrorDetails = {
  hint?: string
  /** The spec section the rule comes from, e.g. "RFC 7519 §7.2". */
  ref?: string
  cause?: unknown
}

export class AfxError extends Error {
  readonly code: ErrorCode
  readonly hint: string | undefined
  readonly ref: string | undefined

  constructor(code: ErrorCode, message: string, details: AfxErrorDetails = {}) {
    super(message, { cause: details.cause })
    this.name = 'AfxError'
    this.code = code
    this.hint = details.hint
    this.ref = details.ref
  }
}
