// The one path every face takes into the core: validate the input with the contract's schema,
// call the implementation, check the output against the contract, answer with a Result envelope.
import { z } from 'zod'
import { contract, type ContractImpl } from '../../shared/contract'
import type { MethodName } from '../../shared/contract-names'
import { fail, ok, type Result } from '../../shared/result'
import { describeForLog } from './describe-for-log'
import { toWireError } from './to-wire-error'

export async function dispatchCall(
  impl: ContractImpl,
  method: MethodName,
  rawInput: unknown,
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
    // Only unexpected errors are logged; an AfxError is the user's answer, not the log's.
    if (wire.code === 'INTERNAL_ERROR')
      console.error(`[afx] ${method} failed: ${describeForLog(error)}`)
    return fail(wire)
  }
}
