// The remembered device the latest Cognito run kept (its "Keep these to sign in from this device
// again" step), so the sign-in form can offer it for the next run. Only the key, the group key and
// where the password is kept: the password itself is revealed when the person chooses to use it.
import { secretIdIn, type Run } from '../../../shared/run-model'
import type { WireError } from '../../../shared/wire-error'
import { call, getClient } from '../../client'

export type KeptDevice = {
  runId: string
  deviceKey: string
  deviceGroupKey: string
  passwordSecretId: string
}

let latest: KeptDevice | undefined
const listeners = new Set<() => void>()
let watching = false

export const keptDevice = (): KeptDevice | undefined => latest

export function subscribeKeptDevice(listener: () => void): () => void {
  if (!watching) {
    watching = true
    getClient().on('run.updated', noteRun)
  }
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The three values of the kept device, its password revealed; or why it could not be. */
export async function revealKeptDevice(
  device: KeptDevice,
): Promise<
  | { ok: true; value: { deviceKey: string; deviceGroupKey: string; devicePassword: string } }
  | { ok: false; error: WireError }
> {
  const revealed = await call('runs.revealSecret', {
    runId: device.runId,
    secretId: device.passwordSecretId,
  })
  if (!revealed.ok) return revealed
  const { deviceKey, deviceGroupKey } = device
  return { ok: true, value: { deviceKey, deviceGroupKey, devicePassword: revealed.value.value } }
}

function noteRun(run: Run): void {
  if (run.flow !== 'cognito') return
  const step = run.steps.find(
    (candidate) => candidate.explain === 'cognito.keep-device' && candidate.status === 'done',
  )
  const passwordSecretId = secretIdIn(step?.outputs.devicePassword)
  if (step === undefined || passwordSecretId === undefined || latest?.runId === run.id) return
  latest = {
    runId: run.id,
    deviceKey: String(step.outputs.deviceKey),
    deviceGroupKey: String(step.outputs.deviceGroupKey),
    passwordSecretId,
  }
  for (const listener of listeners) listener()
}
