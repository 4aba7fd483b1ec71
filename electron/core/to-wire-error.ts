// Turns anything thrown inside the core into the WireError a face sends back. Only AfxError
// messages are shown as they are: any other error may carry a secret or a stack, so it is logged
// by the caller and replaced by a generic line.
import type { WireError } from '../../shared/wire-error'
import { AfxError } from './errors'

export function toWireError(error: unknown): WireError {
  if (error instanceof AfxError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.ref === undefined ? {} : { ref: error.ref }),
    }
  }
  return {
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong inside Auth Flow Explorer.',
    hint: 'This is a bug. The details are in the log of the process that runs the engine.',
  }
}
