// Discovery may name endpoints on another host than the issuer's. That is legitimate (Cognito's
// hosted UI domain, Google's oauth2.googleapis.com), but the client secret and the tokens go to
// those hosts, so the discovery step says where, before anything is sent there.
// @see reference/security.md §7.1 #7; OpenID Connect Discovery 1.0 §3
import type { Diagnostic } from '../../../shared/run-model'

/** The endpoints a client sends its credentials or tokens to. */
const CREDENTIAL_ENDPOINTS = [
  'token_endpoint',
  'userinfo_endpoint',
  'introspection_endpoint',
  'revocation_endpoint',
  'device_authorization_endpoint',
] as const

/** One info note naming every such endpoint on another origin than the issuer; none otherwise. */
export function foreignEndpointNotes(metadata: Record<string, unknown>): Diagnostic[] {
  const issuer = originOf(metadata.issuer)
  if (issuer === undefined) return []
  const elsewhere = CREDENTIAL_ENDPOINTS.flatMap((name) => {
    const origin = originOf(metadata[name])
    return origin !== undefined && origin !== issuer ? [`${name} at ${origin}`] : []
  })
  if (elsewhere.length === 0) return []
  return [
    {
      code: 'OAUTH_ENDPOINTS_ELSEWHERE',
      severity: 'info',
      message: `Some endpoints are on another host than the issuer (${issuer}): ${elsewhere.join(', ')}.`,
      hint: 'The client authenticates there and tokens are sent there. Providers such as Cognito (its hosted UI domain) and Google do this on purpose; anywhere else, check that the discovery document is the provider’s own.',
      ref: 'OpenID Connect Discovery §3',
    },
  ]
}

/** The origin of an http(s) URL; undefined for anything else (a URN, file:, garbage). */
function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined
  } catch {
    return undefined
  }
}
