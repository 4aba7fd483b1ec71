// A remembered Cognito device on the command line: `--remember-device FILE` keeps the device a
// sign-in confirms (its key, group key and password) in FILE, readable by its owner only, and
// `--device FILE` signs in with it again, so the device proves itself instead of an MFA code.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import { readFile, writeFile } from 'node:fs/promises'
import {
  CognitoRememberedDevice,
  type CognitoRememberedDevice as Device,
} from '../../../shared/cognito-flow-input'
import { secretIdIn, type Run } from '../../../shared/run-model'
import type { CliContext } from './cli-context'
import { terminalSafe } from './terminal-safe'
import { UsageError } from './usage-error'

/** The device kept in `file`; a missing or malformed file is a usage error in words. */
export async function readDeviceFile(file: string): Promise<Device> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--device: cannot read the file "${file}".`)
  })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UsageError(`--device: "${file}" is not JSON; --remember-device writes such a file.`)
  }
  const device = CognitoRememberedDevice.safeParse(json)
  if (!device.success) {
    const issue = device.error.issues[0]
    throw new UsageError(`--device: ${issue?.path.join('.') || file}: ${issue?.message}`)
  }
  return device.data
}

/**
 * Once the run shows the device to keep, writes it to `file` (mode 0600) and says so on stderr.
 * Returns the unsubscribe and a promise of the write, to await before exiting.
 */
export function keepDeviceIn(ctx: CliContext, file: string) {
  let written: Promise<void> = Promise.resolve()
  let kept = false
  const stop = ctx.core.events.subscribe((event, payload) => {
    const run = payload as Run
    if (kept || event !== 'run.updated') return
    const step = run.steps.find(
      (candidate) => candidate.explain === 'cognito.keep-device' && candidate.status === 'done',
    )
    const secretId = secretIdIn(step?.outputs.devicePassword)
    if (step === undefined || secretId === undefined) return
    kept = true
    const device: Device = {
      deviceKey: String(step.outputs.deviceKey),
      deviceGroupKey: String(step.outputs.deviceGroupKey),
      devicePassword: ctx.core.runs.revealSecret(run.id, secretId),
    }
    written = writeFile(file, `${JSON.stringify(device, null, 2)}\n`, { mode: 0o600 }).then(
      () => ctx.stderr(terminalSafe(`Kept the remembered device in ${file} (for --device).`)),
      (error: unknown) =>
        ctx.stderr(
          terminalSafe(`afx: could not write the device to ${file}: ${(error as Error).message}`),
        ),
    )
  })
  return { stop, written: () => written }
}
