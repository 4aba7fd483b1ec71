// What each JWT claim means, which spec or provider defines it, and where to read more: the
// registered JWT claims, OpenID Connect, RFC 9068, token exchange, proof of possession and Cognito.
// @see RFC 7519 §4.1, OpenID Connect Core 1.0 §2 and §5.1, RFC 9068 §2.2, RFC 8693 §4, RFC 7800 §3

export type ClaimEntry = { description: string; source: string; link: string }

const rfc = (n: number, section: string) =>
  `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`
const OIDC = 'https://openid.net/specs/openid-connect-core-1_0.html'
const COGNITO_ID =
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html'
const COGNITO_ACCESS =
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html'
const BACKCHANNEL = 'https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken'

const jwt = (section: string, description: string): ClaimEntry => ({
  description,
  source: `RFC 7519 §4.1.${section}`,
  link: rfc(7519, `4.1.${section}`),
})
const idToken = (description: string, anchor = 'IDToken', source = 'OIDC Core §2'): ClaimEntry => ({
  description,
  source,
  link: `${OIDC}#${anchor}`,
})
const standard = (description: string): ClaimEntry => ({
  description: `${description} From the user's profile, released for the matching scope.`,
  source: 'OIDC Core §5.1',
  link: `${OIDC}#StandardClaims`,
})
const cognito = (description: string, link = COGNITO_ID): ClaimEntry => ({
  description,
  source: 'Amazon Cognito',
  link,
})

const DICTIONARY: Record<string, ClaimEntry> = {
  // RFC 7519 §4.1: the registered claims.
  iss: jwt(
    '1',
    'Issuer: who made and signed the token, as a URL. It must match the expected issuer exactly.',
  ),
  sub: jwt(
    '2',
    'Subject: a stable identifier of the user (or client) the token is about, unique within the issuer.',
  ),
  aud: jwt(
    '3',
    'Audience: whom the token is meant for. The client_id for an ID token; the API for an access token.',
  ),
  exp: jwt(
    '4',
    'Expiration time: the token must not be accepted on or after this moment (seconds since 1970, UTC).',
  ),
  nbf: jwt('5', 'Not before: the token must not be accepted before this moment.'),
  iat: jwt('6', 'Issued at: when the provider made the token.'),
  jti: jwt(
    '7',
    'JWT ID: a unique identifier of this token, which lets a receiver refuse a replay.',
  ),
  // OpenID Connect Core §2 and the hash claims of §3.
  auth_time: idToken(
    'When the user last actively signed in (not when this token was issued). Required when max_age was sent. Cognito keeps the original sign-in time across refreshes.',
  ),
  nonce: idToken(
    'The value the client sent in the authentication request, echoed back so the client can tell the ID token belongs to that request.',
  ),
  acr: idToken(
    'Authentication context class: how strongly the user was authenticated, as a value the client and provider agree on.',
  ),
  amr: idToken(
    'Authentication methods: how the user signed in, e.g. "pwd", "otp", "mfa" (values from RFC 8176).',
  ),
  azp: idToken(
    'Authorized party: the client the ID token was issued to; needed when aud lists several audiences.',
  ),
  at_hash: idToken(
    'Access token hash: the left half of the hash of the access token issued with this ID token, base64url. It ties the two together.',
    'CodeIDToken',
    'OIDC Core §3.1.3.6',
  ),
  c_hash: idToken(
    'Code hash: the left half of the hash of the authorization code issued with this ID token (hybrid flow).',
    'HybridIDToken',
    'OIDC Core §3.3.2.11',
  ),
  s_hash: {
    description:
      'State hash: the left half of the hash of the state parameter, when the ID token is a detached signature (FAPI).',
    source: 'FAPI 1.0 Advanced §5.1',
    link: 'https://openid.net/specs/openid-financial-api-part-2-1_0.html#id-token-as-detached-signature',
  },
  sid: {
    description:
      'Session ID: the provider session this token belongs to, used by front- and back-channel logout.',
    source: 'OIDC Back-Channel Logout §2.4',
    link: BACKCHANNEL,
  },
  events: {
    description:
      'Events: in a logout token, the back-channel logout event that tells the client to end the session.',
    source: 'OIDC Back-Channel Logout §2.4',
    link: BACKCHANNEL,
  },
  _claim_names: idToken(
    'Aggregated or distributed claims: which claims live in another source.',
    'AggregatedDistributedClaims',
    'OIDC Core §5.6.2',
  ),
  _claim_sources: idToken(
    'Aggregated or distributed claims: where those claims come from (a signed JWT or an endpoint).',
    'AggregatedDistributedClaims',
    'OIDC Core §5.6.2',
  ),
  // OpenID Connect Core §5.1: standard claims about the user.
  name: standard('Full name, for display.'),
  given_name: standard('Given (first) name.'),
  family_name: standard('Family (last) name.'),
  middle_name: standard('Middle name.'),
  nickname: standard('Casual name.'),
  preferred_username: standard(
    'The name the user likes to be called by; not unique and not stable, so never a key.',
  ),
  profile: standard('URL of the profile page.'),
  picture: standard('URL of a profile picture (not fetched by this tool).'),
  website: standard('URL of a web page or blog.'),
  email: standard('Email address; not unique and not stable, so never a key.'),
  email_verified: standard('Whether the provider has verified the email address.'),
  gender: standard('Gender.'),
  birthdate: standard('Birthday, YYYY-MM-DD (or YYYY).'),
  zoneinfo: standard('Time zone, e.g. Europe/Paris.'),
  locale: standard('Locale, e.g. en-US.'),
  phone_number: standard('Phone number, E.164 recommended (+14325551212).'),
  phone_number_verified: standard('Whether the provider has verified the phone number.'),
  address: standard(
    'Postal address, a JSON object (formatted, street_address, locality, region, postal_code, country).',
  ),
  updated_at: standard('When the profile was last updated (seconds since 1970).'),
  // RFC 9068, RFC 8693 and RFC 7800.
  client_id: {
    description:
      'The client the token was issued to. In Cognito access tokens it replaces aud: check it, not aud.',
    source: 'RFC 9068 §2.2, RFC 8693 §4.3; Amazon Cognito access token',
    link: rfc(8693, '4.3'),
  },
  scope: {
    description:
      'The scopes granted, one space-separated string. Cognito tokens from SRP sign-in carry only aws.cognito.signin.user.admin.',
    source: 'RFC 8693 §4.2, RFC 9068 §2.2.3; Amazon Cognito access token',
    link: rfc(8693, '4.2'),
  },
  roles: {
    description: 'Roles of the user at the API (SCIM-style).',
    source: 'RFC 9068 §2.2.3.1',
    link: rfc(9068, '2.2.3.1'),
  },
  groups: {
    description: 'Groups the user belongs to (SCIM-style).',
    source: 'RFC 9068 §2.2.3.1',
    link: rfc(9068, '2.2.3.1'),
  },
  entitlements: {
    description: 'Entitlements of the user (SCIM-style).',
    source: 'RFC 9068 §2.2.3.1',
    link: rfc(9068, '2.2.3.1'),
  },
  act: {
    description:
      'Actor: the party acting on behalf of the subject after a token exchange (delegation); may nest.',
    source: 'RFC 8693 §4.1',
    link: rfc(8693, '4.1'),
  },
  may_act: {
    description:
      'Who may act for the subject: the party allowed to exchange this token for one where it is the actor.',
    source: 'RFC 8693 §4.4',
    link: rfc(8693, '4.4'),
  },
  cnf: {
    description:
      'Confirmation: the key the presenter must prove it holds (jwk, jkt for DPoP, x5t#S256 for mTLS); a token bound to a key.',
    source: 'RFC 7800 §3.1',
    link: rfc(7800, '3.1'),
  },
  // Amazon Cognito.
  token_use: cognito(
    'Which Cognito token this is: "id" or "access". An API must check it, or an ID token could pass for an access token.',
  ),
  'cognito:username': cognito(
    'The user name in the user pool (may differ from the email used to sign in). Cannot be changed by a trigger.',
  ),
  'cognito:groups': cognito('The user-pool groups the user belongs to.'),
  'cognito:roles': cognito("The IAM role ARNs of the user's groups."),
  'cognito:preferred_role': cognito(
    'The IAM role of the group with the lowest precedence; absent when two top groups tie with different roles.',
  ),
  origin_jti: cognito(
    'The identifier of the sign-in the token descends from: every token refreshed from it shares it, and revoking the refresh token revokes them all.',
    COGNITO_ACCESS,
  ),
  event_id: cognito(
    "The sign-in event the token came from (kept across refreshes), for tracing it in the user's event history.",
    COGNITO_ACCESS,
  ),
  identities: cognito(
    'The federated identities (SAML, OIDC, social) linked to the user, with provider name and user id.',
  ),
  username: cognito('The user name in the user pool, in access tokens.', COGNITO_ACCESS),
  device_key: cognito(
    'The remembered device the user signed in from (device tracking).',
    COGNITO_ACCESS,
  ),
  version: cognito(
    'The version of the access token format (2 when a trigger customises access tokens).',
    COGNITO_ACCESS,
  ),
}

const CUSTOM_ATTRIBUTE = cognito(
  'A custom attribute of the user pool; its name always starts with "custom:".',
)

/**
 * Explains a claim name, or returns undefined for a claim this dictionary does not know.
 * @see RFC 7519 §4.1, OpenID Connect Core 1.0 §5.1, RFC 9068 §2.2, RFC 8693 §4, RFC 7800 §3.1
 */
export function lookupClaim(name: string): ClaimEntry | undefined {
  if (Object.hasOwn(DICTIONARY, name)) return DICTIONARY[name]
  return name.startsWith('custom:') ? CUSTOM_ATTRIBUTE : undefined
}
