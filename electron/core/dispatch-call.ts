// The one path every face takes into the core: validate the input with the contract's schema,
// call the implementation, check the output against the contract, answer with a Result envelope.
import { z } from 'zod'
import { contract, type ContractImpl } from '../../shared/contract'
import type { MethodName } from '../../shared/contract-names'
import { fail, ok, type Result } from '../../shared/result'
import { toWireError } from './to-wire-error'

export type ErrorLogger = (method: MethodName, error: unknown) => void

const logToStderr: ErrorLogger = (method, error) => {
  // Only unexpected errors get here. Their message may quote a secret (a token, a provider's
  // answer), so the log gets the error's name and where it was thrown, not its text.
  console.error(`[afx] ${method} failed: ${describeForLog(error)}`)
}

/** An error's name and stack frames, without its message. */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
  return [error.name, ...frames.slice(0, 8)].join('\n')
}

export async function dispatchCall(
  impl: ContractImpl,
  method: MethodName,
  rawInput: unknown,
  logError: ErrorLogger = logToStderr,
): Promise<Result<unknown>> {
  const { input, output } = contract.methods[method]
  const parsed = input.safeParse(rawInput)
  if (!parsed.success) {
    return fail({
      code: 'IPC_INVALID_INPUT',
      message: `${method} was called with input it does not accept: ${z.prettifyError(parsed.error)}`,
      hint: 'This is a bug in the caller: the input does not match the contract.',
    })
  }
  try {
    // The cast is safe: `parsed.data` was produced by this very method's input schema.
    const handler = impl[method] as (input: unknown) => Promise<unknown>
    return ok(output.parse(await handler(parsed.data)))
  } catch (error) {
    const wire = toWireError(error)
    if (wire.code === 'INTERNAL_ERROR') logError(method, error)
    return fail(wire)
  }
}
