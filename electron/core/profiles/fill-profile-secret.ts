// A run started from a saved profile leaves the client secret out (the renderer never holds it);
// the engine fills it in from where the profile keeps it, just before the run starts.
import type { StartRunInput } from '../../../shared/flow-input'

/** The kept secret of a profile's client; undefined when none is kept. Throws when locked away. */
export type ProfileSecretLookup = (profile: string, clientId: string) => string | undefined

export function fillProfileSecret(
  input: StartRunInput,
  lookup: ProfileSecretLookup,
): StartRunInput {
  if (input.profile === undefined) return input
  if (input.flow === 'cognito') {
    if (input.clientSecret) return input
    const clientSecret = lookup(input.profile, input.clientId)
    return clientSecret === undefined ? input : { ...input, clientSecret }
  }
  if (input.client.clientSecret || input.client.authMethod === 'none') return input
  const clientSecret = lookup(input.profile, input.client.clientId)
  return clientSecret === undefined
    ? input
    : { ...input, client: { ...input.client, clientSecret } }
}
