// A run started from a saved profile leaves the client secret (or a private_key_jwt client's private
// key) out, as the renderer never holds it; the engine fills it in from where the profile keeps
// it, just before the run starts.
import type { StartRunInput } from '../../../shared/flow-input'

/** The kept secret of a profile's client; undefined when none is kept. Throws when locked away. */
export type ProfileSecretLookup = (profile: string, clientId: string) => string | undefined

export function fillProfileSecret(
  input: StartRunInput,
  lookup: ProfileSecretLookup,
): StartRunInput {
  if (input.profile === undefined) return input
  if (input.flow === 'cognito' || input.flow === 'cognito-account') {
    if (input.clientSecret) return input
    const clientSecret = lookup(input.profile, input.clientId)
    return clientSecret === undefined ? input : { ...input, clientSecret }
  }
  const { client } = input
  if (client.clientSecret || client.privateKeyJwk || client.authMethod === 'none') return input
  const kept = lookup(input.profile, client.clientId)
  if (kept === undefined) return input
  // A private_key_jwt client keeps its private key (JWK) as its one secret.
  const field = client.authMethod === 'private_key_jwt' ? 'privateKeyJwk' : 'clientSecret'
  return { ...input, client: { ...client, [field]: kept } }
}
