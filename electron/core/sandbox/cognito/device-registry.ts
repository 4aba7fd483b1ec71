// The devices the sandbox pool tracks: one per sign-in that came without a known DEVICE_KEY, with
// the SRP verifier of its secret once confirmed, and whether the user chose to remember it.
// Bounded, in memory only, like everything the pool holds.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import { randomBytes, randomUUID } from 'node:crypto'
import type { SrpVerifier } from './srp-server'
import { LIMITS, REGION } from './pool-config'

export type PoolDevice = {
  /** NewDeviceMetadata.DeviceKey, `<region>_<uuid>`: the device's user name in its SRP proof. */
  key: string
  /** NewDeviceMetadata.DeviceGroupKey: the device's "pool name" in its SRP proof. */
  groupKey: string
  /** The internal user name of the user it belongs to. */
  username: string
  /** From ConfirmDevice: the verifier of the device's secret (the secret itself never comes). */
  verifier?: SrpVerifier
  /** UpdateDeviceStatus: only a remembered device may stand in for the MFA code. */
  remembered: boolean
}

/** Devices by key; past the bound the oldest are forgotten first. */
export class DeviceRegistry {
  readonly #devices = new Map<string, PoolDevice>()

  /**
   * A new device for a user, as NewDeviceMetadata announces it: tracked, not yet confirmed.
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NewDeviceMetadataType.html
   */
  create(username: string): PoolDevice {
    const device: PoolDevice = {
      key: `${REGION}_${randomUUID()}`,
      // Opaque like Cognito's (its docs show "-wt2ha1Zd"); a fresh one per device.
      groupKey: randomBytes(7).toString('base64url'),
      username,
      remembered: false,
    }
    this.#devices.set(device.key, device)
    for (const oldest of this.#devices.keys()) {
      if (this.#devices.size <= LIMITS.devices) break
      this.#devices.delete(oldest)
    }
    return device
  }

  /** The device with this key if it belongs to this user: another user's key is no key at all. */
  find(username: string, key: string): PoolDevice | undefined {
    const device = this.#devices.get(key)
    return device?.username === username ? device : undefined
  }

  /** ForgetDevice: the key is unknown from now on. */
  forget(device: PoolDevice): void {
    this.#devices.delete(device.key)
  }
}
