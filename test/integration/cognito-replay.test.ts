// Replaying a finished Cognito run against the same pool: fresh SRP values and a fresh TOTP code,
// the same sequence of steps; and, side by side, where a second run went otherwise (tom remembered
// a device in between, so the device proves itself where the TOTP code was asked).
import { describe, expect, it } from 'vitest'
import { alignRunSteps } from '../../shared/align-run-steps'
import type { Run } from '../../shared/run-model'
import { PUBLIC_WEB, useCognitoSandboxCore } from '../helpers/cognito-sandbox'

const cognito = useCognitoSandboxCore()
const { core, where } = cognito

const tomSecret = () =>
  cognito.sandbox.description.users.find((u) => u.username === 'tom')!.totpSecret!

const signInTom = (extra: Record<string, unknown> = {}) =>
  core.runs.start({
    flow: 'cognito',
    ...where(),
    clientId: PUBLIC_WEB,
    username: 'tom',
    password: 'Sandbox-tom-1',
    totpSecret: tomSecret(),
    authFlow: 'USER_SRP_AUTH',
    mode: 'auto',
    ...extra,
  }).done

const srpA = (run: Run) =>
  JSON.parse(run.steps.find((step) => /^InitiateAuth/.test(step.title))!.exchange!.request.body!)
    .AuthParameters.SRP_A as string

describe('a Cognito run replayed', () => {
  it('goes the same way with fresh SRP values', async () => {
    const first = await signInTom()
    expect(first.status).toBe('succeeded')
    const replayed = core.runs.start(core.runs.replayInput(first.id))
    const second = await replayed.done

    expect(second.status).toBe('succeeded')
    expect(srpA(second)).not.toBe(srpA(first))
    const aligned = alignRunSteps(first.steps, second.steps)
    expect(aligned.filter((row) => row.differences.length > 0)).toEqual([])
    expect(second.steps.map((step) => step.title)).toEqual(first.steps.map((step) => step.title))
  })

  it('shows where a second run differed: the device proved itself instead of the TOTP code', async () => {
    const remembering = await signInTom({ rememberDevice: true })
    const kept = remembering.steps.at(-1)!
    const device = {
      deviceKey: String(kept.outputs.deviceKey),
      deviceGroupKey: String(kept.outputs.deviceGroupKey),
      devicePassword: core.runs.revealSecret(
        remembering.id,
        /«secret:(s\d+):/.exec(String(kept.outputs.devicePassword))![1]!,
      ),
    }
    const plain = await signInTom()
    const withDevice = await signInTom({ device })

    const differing = alignRunSteps(plain.steps, withDevice.steps).filter((row) =>
      row.differences.includes('title'),
    )
    const titles = (side: 'first' | 'second') =>
      differing.map((row) => row[side]?.title ?? '').join('\n')
    expect(titles('first')).toMatch(/SOFTWARE_TOKEN_MFA/)
    expect(titles('second')).toMatch(/DEVICE_SRP_AUTH|DEVICE_PASSWORD_VERIFIER/)
    expect(titles('second')).not.toMatch(/SOFTWARE_TOKEN_MFA/)
  })
})
