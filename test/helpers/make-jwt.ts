// Builds compact tokens by hand for decode tests: any header, payload and signature bytes.
export const b64url = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

export function makeUnsignedJwt(
  header: object,
  payload: object,
  signature = 'c2lnbmF0dXJl',
): string {
  return `${b64url(header)}.${b64url(payload)}.${signature}`
}
