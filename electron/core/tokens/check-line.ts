// Builds the pass / fail / warn / skip lines of a token report, so every check reads the same.
import type {
  CheckStatus,
  TokenCheck,
  TokenCheckCode,
  TokenCheckId,
} from '../../../shared/token-report'

type Extra = { code?: TokenCheckCode; expected?: string; actual?: string }

function line(
  status: CheckStatus,
  id: TokenCheckId,
  message: string,
  ref: string,
  extra: Extra = {},
): TokenCheck {
  return {
    id,
    status,
    message,
    ref,
    ...(extra.expected === undefined ? {} : { expected: extra.expected }),
    ...(extra.actual === undefined ? {} : { actual: extra.actual }),
    ...(extra.code === undefined ? {} : { code: extra.code }),
  }
}

/** A check that holds. */
export const pass = (id: TokenCheckId, message: string, ref: string, extra?: Extra): TokenCheck =>
  line('pass', id, message, ref, extra)

/** A check that could not be made (nothing to compare with), or does not apply. */
export const skip = (id: TokenCheckId, message: string, ref: string, extra?: Extra): TokenCheck =>
  line('skip', id, message, ref, extra)

/** A check that failed: the token must not be accepted for this reason. */
export const fail = (
  id: TokenCheckId,
  code: TokenCheckCode,
  message: string,
  ref: string,
  extra?: Omit<Extra, 'code'>,
): TokenCheck => line('fail', id, message, ref, { ...extra, code })

/** A check that holds with a caveat the user should weigh. */
export const warn = (
  id: TokenCheckId,
  code: TokenCheckCode,
  message: string,
  ref: string,
  extra?: Omit<Extra, 'code'>,
): TokenCheck => line('warn', id, message, ref, { ...extra, code })

/** A claim value for `expected` / `actual`: strings as they are, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')
}

/** Points at the usual cause of two near-identical identifiers: one trailing "/". */
export function differenceNote(expected: string, actual: unknown): string {
  if (typeof actual !== 'string') return ''
  if (`${expected}/` === actual) return ' (it ends with "/" and the expected value does not)'
  if (`${actual}/` === expected) return ' (the expected value ends with "/" and it does not)'
  return ''
}
