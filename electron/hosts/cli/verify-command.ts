// `afx verify`: verifies a JWT's signature and checks its claims, printing one line per check.
// Exit 0 when everything passed, 1 when the signature or any check failed.
import { readFile } from 'node:fs/promises'
import {
  InspectTokenInput,
  type TokenKeyInput,
  type TokenReport,
} from '../../../shared/token-report'
import { dispatchCall } from '../../core/dispatch-call'
import type { CliContext } from './cli-context'
import { formatErrorLine } from './decode-command'
import { terminalSafe } from './terminal-safe'
import { EXIT, UsageError } from './usage-error'

export type VerifyCommandOptions = {
  token: string | undefined
  issuer: string | undefined
  jwks: string | undefined
  keyFile: string | undefined
  clientId: string | undefined
  nonce: string | undefined
  maxAge: string | undefined
  skew: string | undefined
  kind: string | undefined
  json: boolean
}

const MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' } as const

export async function verifyCommand(
  options: VerifyCommandOptions,
  ctx: CliContext,
): Promise<number> {
  if (options.token === undefined)
    throw new UsageError('verify takes a token (or "-" to read it from stdin).')
  const token = options.token === '-' ? await ctx.readStdin() : options.token
  const input = InspectTokenInput.safeParse({
    token,
    expect: {
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...(options.maxAge ? { maxAgeSeconds: wholeNumber('--max-age', options.maxAge) } : {}),
      ...(options.skew ? { clockSkewSeconds: wholeNumber('--skew', options.skew) } : {}),
    },
    key: await keyFrom(options),
  })
  if (!input.success) {
    const issue = input.error.issues[0]
    throw new UsageError(`${issue?.path.join('.') || 'input'}: ${issue?.message}`)
  }
  const result = await dispatchCall(ctx.core.impl, 'tokens.inspect', input.data)
  if (!result.ok) {
    ctx.stderr(formatErrorLine(result.error))
    return EXIT.bad
  }
  const report = result.value as TokenReport
  ctx.stdout(terminalSafe(options.json ? JSON.stringify(report, null, 2) : formatReport(report)))
  const failed =
    report.signature.status !== 'valid' || report.checks.some((check) => check.status === 'fail')
  return failed ? EXIT.bad : EXIT.ok
}

async function keyFrom(options: VerifyCommandOptions): Promise<TokenKeyInput> {
  const given = [options.jwks, options.keyFile].filter((value) => value !== undefined)
  if (given.length > 1) throw new UsageError('Give one of --jwks or --key, not both.')
  if (options.jwks) return { kind: 'jwks_url', url: options.jwks }
  if (options.keyFile) {
    const text = await readFile(options.keyFile, 'utf8').catch(() => {
      throw new UsageError(`--key: cannot read the file "${options.keyFile}".`)
    })
    return text.trimStart().startsWith('-----')
      ? { kind: 'pem', pem: text }
      : { kind: 'jwk', json: text }
  }
  return { kind: 'issuer' }
}

function wholeNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(`${option} takes a whole number of seconds, not "${text}".`)
  return Number(text)
}

function formatReport(report: TokenReport): string {
  const lines = [
    `${report.tokenType.checkedAs} · signature ${report.signature.status}: ${report.signature.explanation}`,
  ]
  for (const check of report.checks) {
    const detail =
      check.expected !== undefined || check.actual !== undefined
        ? ` (expected ${check.expected ?? '—'}, got ${check.actual ?? '—'})`
        : ''
    lines.push(
      `${MARK[check.status]} ${check.id.padEnd(12)} ${check.message}${detail}  [${check.ref}]`,
    )
  }
  for (const pitfall of report.pitfalls) lines.push(`! ${pitfall.title}: ${pitfall.hint}`)
  return lines.join('\n')
}
