// Reads --timeout: how many seconds a browser flow waits for the browser to come back, within the
// bounds the engine accepts for callbackTimeoutMs.
import { CALLBACK_TIMEOUT_BOUNDS_MS } from '../../../shared/flow-input'
import { UsageError } from './usage-error'

const MIN_SECONDS = CALLBACK_TIMEOUT_BOUNDS_MS.min / 1_000
const MAX_SECONDS = CALLBACK_TIMEOUT_BOUNDS_MS.max / 1_000

/** The wait in milliseconds, or undefined when --timeout was not given (the engine's default). */
export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const seconds = Number(text)
  if (!/^\d+$/.test(text) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new UsageError(
      `--timeout must be a whole number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS}, not "${text}".`,
    )
  }
  return seconds * 1_000
}
