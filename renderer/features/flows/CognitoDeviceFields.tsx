// Remembered devices in a Cognito sign-in: whether to confirm and remember the device Cognito
// offers with the tokens, and a device remembered earlier (its key, group key and password) to
// sign in with, so it proves itself instead of an MFA code. "Use the device kept by the last run"
// fills the three from the latest run that kept one, revealing its password for this form only.
import { useState, useSyncExternalStore } from 'react'
import type { CognitoFlowInput } from '../../../shared/cognito-flow-input'
import { bindDraft } from '../../components/bind-draft'
import { CheckField, TextField } from '../../components/FormFields'
import type { WireError } from '../../../shared/wire-error'
import { ErrorNotice } from '../../components/ErrorNotice'
import { keptDevice, revealKeptDevice, subscribeKeptDevice } from './kept-device'

export type DeviceDraft = {
  remember: boolean
  deviceKey: string
  deviceGroupKey: string
  devicePassword: string
}

export const EMPTY_DEVICE: DeviceDraft = {
  remember: false,
  deviceKey: '',
  deviceGroupKey: '',
  devicePassword: '',
}

/** The device fields of the input: a remembered device only when all three are given. */
export function deviceInputOf(
  draft: DeviceDraft,
): Pick<CognitoFlowInput, 'device' | 'rememberDevice'> {
  const { deviceKey, deviceGroupKey, devicePassword } = draft
  const given = [deviceKey, deviceGroupKey, devicePassword].some((value) => value.trim())
  return {
    ...(draft.remember ? { rememberDevice: true } : {}),
    ...(given
      ? {
          device: {
            deviceKey: deviceKey.trim(),
            deviceGroupKey: deviceGroupKey.trim(),
            devicePassword,
          },
        }
      : {}),
  }
}

type Props = { device: DeviceDraft; onChange: (change: Partial<DeviceDraft>) => void }

export function CognitoDeviceFields({ device, onChange }: Props) {
  const bind = bindDraft(device, onChange)
  const kept = useSyncExternalStore(subscribeKeptDevice, keptDevice)
  const [error, setError] = useState<WireError>()
  const applyKept = async () => {
    if (!kept) return
    const revealed = await revealKeptDevice(kept)
    setError(revealed.ok ? undefined : revealed.error)
    if (revealed.ok) onChange(revealed.value)
  }
  const given = Boolean(device.deviceKey || device.deviceGroupKey || device.devicePassword)
  return (
    <>
      <span className="grid-label">Remembered device</span>
      <p className="muted">
        A device Cognito remembers proves itself (DEVICE_SRP_AUTH) instead of an MFA code. Leave the
        three fields empty to sign in as from a new device.
      </p>
      <TextField
        label="Device key"
        {...bind('deviceKey')}
        required={given}
        placeholder="none: sign in as from a new device"
      />
      <TextField label="Device group key" {...bind('deviceGroupKey')} required={given} />
      <TextField
        label="Device password"
        type="password"
        {...bind('devicePassword')}
        required={given}
      />
      <span />
      <div className="checks">
        <CheckField
          label="Remember the new device Cognito offers (ConfirmDevice, UpdateDeviceStatus)"
          checked={device.remember}
          onChange={bind('remember').onChange}
        />
        {kept && (
          <button type="button" onClick={() => void applyKept()}>
            Use the device kept by the last run
          </button>
        )}
      </div>
      {error && (
        <div className="form-wide">
          <ErrorNotice error={error} />
        </div>
      )}
    </>
  )
}
