// A Cognito sign-in started from a saved profile for one of its test users leaves the user's
// password and TOTP secret out, as the renderer never holds them: the engine fills them in from
// where the profile keeps them, just before the run starts, as it fills the client secret. The run
// then keeps them as the secrets they are, and computes the authenticator codes itself.
import { needsPassword } from '../../../shared/cognito-flow-input'
import type { StartRunInput } from '../../../shared/flow-input'
import type { TestUserSecret } from '../../../shared/workspace-model'
import { AfxError } from '../errors'

/** A kept secret of a profile's test user; undefined when none is kept. Throws when locked away. */
export type ProfileUserSecretLookup = (
  profile: string,
  username: string,
  field: TestUserSecret,
) => string | undefined

/**
 * Fills the password (when none is given) and the TOTP secret (when neither a code nor a TOTP
 * secret is given) of the test user a Cognito sign-in names. A sign-in that needs a password and
 * still has none is refused in words, before anything is sent.
 */
export function fillProfileUser(
  input: StartRunInput,
  lookup: ProfileUserSecretLookup,
): StartRunInput {
  if (input.flow !== 'cognito' || input.profile === undefined) return input
  // A refresh signs nobody in: it needs neither, and must not fail on a locked vault for them.
  if (input.authFlow === 'REFRESH_TOKEN_AUTH' || input.username === undefined) return input
  const { profile, username } = input
  const password = input.password || lookup(profile, username, 'password')
  const totpSecret =
    input.code || input.totpSecret ? input.totpSecret : lookup(profile, username, 'totpSecret')
  if (!password && needsPassword(input.authFlow)) {
    throw new AfxError(
      'RUN_INPUT_MISSING',
      `${input.authFlow} needs the password, and the profile "${profile}" keeps none for the user "${username}".`,
      {
        hint: `Give the password, or add "${username}" with the password to the profile's test users.`,
      },
    )
  }
  return {
    ...input,
    ...(password ? { password } : {}),
    ...(totpSecret ? { totpSecret } : {}),
  }
}
