// Where a secret lives, in words a person understands, for the profile editor and the Settings page.
import type { ProfileClient, SecretHome } from '../../shared/workspace-model'

type KeptSecret = NonNullable<ProfileClient['secret']>

/** Where a client's kept secret is, and whether this session can use it. */
export function describeKeptSecret({ home, available }: KeptSecret): string {
  switch (home) {
    case 'os-keychain':
      return available
        ? 'Kept in the OS keychain'
        : 'Kept in the OS keychain, which cannot be read here: enter it again'
    case 'vault':
      return available
        ? 'Kept in your passphrase vault'
        : 'Kept in your passphrase vault, which is locked: unlock it in Settings to use it'
    case 'session':
      return available
        ? 'Kept for this session only: forgotten when the app closes'
        : 'Kept by an earlier session: enter it again'
  }
}

/** Where a secret saved now goes. */
export const SECRET_HOME_WORDS: Record<SecretHome, string> = {
  'os-keychain': 'Secrets you save are encrypted by the OS keychain.',
  vault: 'Secrets you save are encrypted with your passphrase, in the vault.',
  session:
    'Secrets you save are kept for this session only and forgotten when the app closes. Create a passphrase vault to keep them.',
}
