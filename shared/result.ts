// The envelope around every reply of the contract. Free of zod, so the renderer bundle stays small.
import type { WireError } from './wire-error'

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(error: WireError): Result<T> => ({ ok: false, error })
