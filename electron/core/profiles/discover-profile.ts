// "Create from a discovery URL in one paste": reads a provider's metadata and drafts a profile the
// person then reviews and saves. The issuer kept is the one the metadata names, which must match
// the URL it came from, as a client's discovery would insist.
// @see OpenID Connect Discovery 1.0 §4 and §4.3
import type { PresetId, ProfileInput } from '../../../shared/workspace-model'
import { AfxError } from '../errors'
import { discoveryUrlOf } from '../tokens/discover-issuer-keys'
import { fetchJson } from '../tokens/fetch-json'

const WELL_KNOWN = '/.well-known/openid-configuration'
const REF = 'OIDC Discovery §4.3'

export async function discoverProfile(
  pasted: string,
  options: { fetch: typeof fetch },
): Promise<ProfileInput> {
  const url = metadataUrlOf(pasted.trim())
  const fetched = await fetchJson(url, options)
  if (!fetched.ok) {
    throw new AfxError('OAUTH_DISCOVERY_INVALID', fetched.message, {
      hint: 'Paste the provider’s issuer or its /.well-known/openid-configuration URL.',
      ref: REF,
    })
  }
  const issuer = (fetched.value as { issuer?: unknown } | null)?.issuer
  if (typeof issuer !== 'string' || issuer === '') {
    throw new AfxError('OAUTH_DISCOVERY_INVALID', `The document at ${url} names no issuer.`, {
      hint: 'That is not OpenID Provider metadata; check the URL.',
      ref: REF,
    })
  }
  if (discoveryUrlOf(issuer) !== url.replace(/\/$/, '')) {
    throw new AfxError(
      'OAUTH_DISCOVERY_INVALID',
      `The metadata at ${url} names the issuer ${issuer}, whose metadata lives elsewhere.`,
      { hint: 'Paste the URL of that issuer instead; clients refuse this mismatch.', ref: REF },
    )
  }
  const host = new URL(issuer).host
  return {
    name: host,
    preset: presetOf(issuer),
    provider: { kind: 'issuer', issuer },
    clients: [],
  }
}

/** An issuer or its metadata URL, pasted either way. */
function metadataUrlOf(pasted: string): string {
  let parsed: URL
  try {
    parsed = new URL(pasted)
  } catch {
    throw new AfxError('OAUTH_DISCOVERY_INVALID', `${JSON.stringify(pasted)} is not a URL.`, {
      hint: 'Paste a full https:// URL, such as https://accounts.google.com.',
    })
  }
  return parsed.pathname.endsWith(WELL_KNOWN) ? parsed.href : discoveryUrlOf(parsed.href)
}

/** The preset whose quirks fit the issuer's host, so the editor offers the right fields. */
function presetOf(issuer: string): PresetId {
  const { hostname, port } = new URL(issuer)
  if (/^127\.|^localhost$|^\[::1\]$/.test(hostname) && port === '9400') return 'sandbox'
  if (hostname.startsWith('cognito-idp.')) return 'cognito'
  if (hostname.endsWith('.auth0.com')) return 'auth0'
  if (hostname.endsWith('.okta.com') || hostname.endsWith('.oktapreview.com')) return 'okta'
  if (hostname === 'login.microsoftonline.com') return 'entra'
  if (hostname === 'accounts.google.com') return 'google'
  if (new URL(issuer).pathname.includes('/realms/')) return 'keycloak'
  return 'generic'
}
