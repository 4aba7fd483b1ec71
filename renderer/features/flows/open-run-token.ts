// Opens one of a run's tokens in the Tokens page: reveals it and every secret the run's
// expectations name (the access token for at_hash), then hands them to the inspector, which
// verifies at once with the issuer's keys.
import { ok, type Result } from '../../../shared/result'
import { expectationsFromRun } from '../../../shared/run-token-expectations'
import { SECRET_MARKER, type Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { openTokenInInspector } from '../tokens/token-opening'

/** Answers the error that kept the token from opening (a saved run keeps no values). */
export async function openRunToken(run: Run, tokenName: string): Promise<WireError | undefined> {
  const token = run.tokens.findLast((candidate) => candidate.name === tokenName)
  if (token === undefined) return undefined
  const revealed = await revealFields(run.id, {
    token: token.value,
    expect: expectationsFromRun(run, tokenName),
  })
  if (!revealed.ok) return revealed.error
  openTokenInInspector({ from: run.title, ...revealed.value })
  return undefined
}

/** The same fields, each «secret:…» marker in a string replaced by the value it stands for. */
async function revealFields<T>(runId: string, value: T): Promise<Result<T>> {
  if (typeof value === 'string') return (await revealMarkers(runId, value)) as Result<T>
  if (typeof value !== 'object' || value === null) return ok(value)
  const fields: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(value)) {
    const result = await revealFields(runId, field)
    if (!result.ok) return result
    fields[name] = result.value
  }
  return ok(fields as T)
}

async function revealMarkers(runId: string, text: string): Promise<Result<string>> {
  const parts: string[] = []
  let last = 0
  for (const match of text.matchAll(SECRET_MARKER)) {
    const result = await call('runs.revealSecret', { runId, secretId: match[1] ?? '' })
    if (!result.ok) return result
    parts.push(text.slice(last, match.index), result.value.value)
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return ok(parts.join(''))
}
