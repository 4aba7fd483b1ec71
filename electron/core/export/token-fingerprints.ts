// Gives each token marker of a live run its fingerprint before an export turns markers into text,
// so "[redacted: access_token, sha256 1a2b3c4d5e6f]" in a HAR shows the token the userinfo call
// sent is the one the token endpoint issued, and the same token in two exports reads the same.
// A run from history has no values left, so its markers stay as they are.
// @see security.md §7 #155
import { SECRET_MARKER, type Run } from '../../../shared/run-model'

/** `fingerprintOf` answers for a token's secret id, undefined for any other secret. */
export function withTokenFingerprints(
  run: Run,
  fingerprintOf: (secretId: string) => string | undefined,
): Run {
  const mark = (text: string) =>
    text.replace(SECRET_MARKER, (marker, id: string, label: string) => {
      const fingerprint = fingerprintOf(id)
      return fingerprint === undefined ? marker : `«secret:${id}:${label}, ${fingerprint}»`
    })
  return mapStrings(run, mark)
}

function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, map)) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]),
  ) as T
}
