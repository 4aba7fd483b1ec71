// Names the endpoint a flow needs when the provider's metadata has none, instead of letting the
// request fail on an undefined URL.
// @see OpenID Connect Discovery 1.0 §3 (Provider Metadata), RFC 8414 §2
import type * as oidc from 'openid-client'
import { AfxError } from '../errors'

type EndpointName =
  | 'userinfo_endpoint'
  | 'introspection_endpoint'
  | 'revocation_endpoint'
  | 'device_authorization_endpoint'
  | 'end_session_endpoint'

/** Where each endpoint is defined, for the diagnostic's reference. */
const DEFINED_IN: Record<EndpointName, string> = {
  userinfo_endpoint: 'OpenID Connect Discovery 1.0 §3',
  introspection_endpoint: 'RFC 8414 §2',
  revocation_endpoint: 'RFC 8414 §2',
  device_authorization_endpoint: 'RFC 8628 §4',
  end_session_endpoint: 'OpenID Connect RP-Initiated Logout 1.0 §2.1',
}

/**
 * Returns the endpoint's URL from the provider's metadata, or throws OAUTH_ENDPOINT_MISSING.
 * @see RFC 8414 §2 https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function requireEndpoint(config: oidc.Configuration, name: EndpointName): string {
  const url = config.serverMetadata()[name]
  if (typeof url === 'string' && url !== '') return url
  throw new AfxError('OAUTH_ENDPOINT_MISSING', `The provider's metadata names no ${name}.`, {
    hint: `The provider may not offer this at all. If it does, give the ${name} by hand in the provider's endpoints.`,
    ref: DEFINED_IN[name],
  })
}
