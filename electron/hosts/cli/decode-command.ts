// `afx decode`: prints a JWT's header, payload and time claims, or says in one line why it can't.
import { describeTimeClaims } from '../../../shared/claim-times'
import type { DecodedToken } from '../../../shared/contract'
import type { WireError } from '../../../shared/wire-error'
import { dispatchCall } from '../../core/dispatch-call'
import type { CliContext } from './cli-context'
import { terminalSafe } from './terminal-safe'
import { EXIT, UsageError } from './usage-error'

export async function decodeCommand(
  args: string[],
  json: boolean,
  ctx: CliContext,
): Promise<number> {
  if (args.length !== 1) {
    throw new UsageError('decode takes exactly one token (or "-" to read it from stdin).')
  }
  const token = args[0] === '-' ? await ctx.readStdin() : (args[0] ?? '')
  const result = await dispatchCall(ctx.core.impl, 'tokens.decode', { token })
  if (json) ctx.stdout(terminalSafe(JSON.stringify(result, null, 2)))
  if (!result.ok) {
    ctx.stderr(formatErrorLine(result.error))
    return EXIT.bad
  }
  if (!json) ctx.stdout(terminalSafe(formatDecoded(result.value as DecodedToken, ctx.now())))
  return EXIT.ok
}

/** One readable line: the message, then the hint. */
export function formatErrorLine(error: WireError): string {
  return terminalSafe(`afx: ${error.message}${error.hint ? ` ${error.hint}` : ''}`)
}

function formatDecoded(decoded: DecodedToken, nowMs: number): string {
  const pretty = (value: unknown) => JSON.stringify(value, null, 2)
  if (decoded.kind === 'jwe') {
    return [
      'Encrypted token (JWE): the payload cannot be read without the decryption key.',
      '',
      'Header',
      pretty(decoded.header),
    ].join('\n')
  }
  const signature = decoded.signature.present
    ? `signature: ${decoded.signature.bytes} bytes (not verified)`
    : 'signature: none (an unsecured JWT)'
  const lines = [
    'Header',
    pretty(decoded.header),
    '',
    'Payload',
    pretty(decoded.payload),
    '',
    signature,
  ]
  const times = describeTimeClaims(decoded.payload, nowMs)
  if (times.length > 0) {
    lines.push('', 'Times')
    for (const time of times) {
      const text = time.ok ? `${time.utc}  (${time.relative})` : time.problem
      lines.push(`  ${time.claim.padEnd(9)} ${text}`)
    }
  }
  return lines.join('\n')
}
