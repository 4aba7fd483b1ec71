// A Cognito run started from a saved profile is linted against the app client's settings the
// profile last imported: the engine adds them to the input, as it adds the kept secret.
import type { CognitoClientSettings } from '../../../shared/cognito-app-client'
import type { StartRunInput } from '../../../shared/flow-input'

/** The imported settings of a profile's client; undefined when none were imported. */
export type ProfileSettingsLookup = (
  profile: string,
  clientId: string,
) => CognitoClientSettings | undefined

export function fillProfileSettings(
  input: StartRunInput,
  lookup: ProfileSettingsLookup,
): StartRunInput {
  if (input.flow !== 'cognito' || input.profile === undefined || input.clientSettings) return input
  const clientSettings = lookup(input.profile, input.clientId)
  return clientSettings === undefined ? input : { ...input, clientSettings }
}
