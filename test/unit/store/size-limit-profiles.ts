// Two versions of one profile for the write-failure test: one that fits in a few hundred bytes,
// and one of about 16 KB, well past the 8 KiB file-size limit the test sets.
import type { ProfileInput } from '../../../shared/workspace-model'

export const SIZE_LIMIT_BYTES = 8192

export function smallProfile(secret: string): ProfileInput {
  return {
    name: 'Limited',
    preset: 'generic',
    provider: { kind: 'issuer', issuer: 'https://login.example.com' },
    clients: [{ clientId: 'confidential', secret: { set: secret } }],
  }
}

export function bigProfile(secret: string): ProfileInput {
  return {
    ...smallProfile(secret),
    notes: 'n'.repeat(4000),
    clients: [
      { clientId: 'confidential', secret: { set: secret }, extraParams: { a: 'x'.repeat(4000) } },
      { clientId: 'second', extraParams: { b: 'y'.repeat(4000) } },
      { clientId: 'third', extraParams: { c: 'z'.repeat(4000) } },
    ],
  }
}
