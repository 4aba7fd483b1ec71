// The operations on a device Cognito announced at sign-in (NewDeviceMetadata): register it with
// the verifier of its secret, then remember it, so that it can stand in for MFA later.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
import {
  ConfirmDeviceCommand,
  UpdateDeviceStatusCommand,
  type ConfirmDeviceCommandInput,
  type UpdateDeviceStatusCommandInput,
} from '@aws-sdk/client-cognito-identity-provider'
import type { CallMeta, RecordedCall } from './recorded-cognito-client'

/** Each call names the step it becomes. */
export function createDeviceApi(call: RecordedCall) {
  return {
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html */
    confirmDevice: (meta: CallMeta, input: ConfirmDeviceCommandInput) =>
      call(meta, (client, options) => client.send(new ConfirmDeviceCommand(input), options)),
    /** @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html */
    updateDeviceStatus: (meta: CallMeta, input: UpdateDeviceStatusCommandInput) =>
      call(meta, (client, options) => client.send(new UpdateDeviceStatusCommand(input), options)),
  }
}
