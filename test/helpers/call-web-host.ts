// Calls a contract method on a running web host the way a script would (Bearer key), for tests
// that need what the app knows, such as the sandbox's clients.
import type { MethodInput, MethodOutput } from '../../shared/contract'
import type { MethodName } from '../../shared/contract-names'
import type { Result } from '../../shared/result'
import type { RunningWebHost } from './start-web-host'

export async function callWebHost<M extends MethodName>(
  app: RunningWebHost,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const response = await fetch(`${app.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.key}` },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as Result<MethodOutput<M>>
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** Waits until the sandbox the web host started on launch is running, and returns its status. */
export async function waitForSandbox(app: RunningWebHost) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const status = await callWebHost(app, 'sandbox.status', {})
    if (status.state === 'running' || status.state === 'failed') return status
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the sandbox did not start within 10 s')
}
