// The OS keychain as the workspace's secret cipher: Electron's safeStorage (Keychain on macOS,
// DPAPI on Windows, the Secret Service or KWallet on Linux). None when no keychain is usable.
// @see https://www.electronjs.org/docs/latest/api/safe-storage
import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/store/workspace'

export function safeStorageCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  // Linux without a keyring falls back to a hard-coded password: that is not encryption at rest.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return undefined
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  }
}
