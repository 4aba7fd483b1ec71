// The names of this computer that plain http is allowed to (the sandbox, a local provider, the
// loopback redirect): RFC 8252 §7.3's loopback addresses, and localhost.

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const
export type LoopbackHost = (typeof LOOPBACK_HOSTS)[number]

/** `URL.hostname` keeps IPv6 brackets, so "[::1]" compares as written. */
export function isLoopbackHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' && (LOOPBACK_HOSTS as readonly string[]).includes(url.hostname)
}
