// The teaching text behind every step's `explain` key: what happens now and why it matters, in a
// few plain sentences for a room of developers, with the rule it comes from. Shown with each step
// (before it runs, in trainer mode); a unit test keeps it in step with the keys the engine uses.
import { COGNITO_ACCOUNT_STEPS } from './cognito-account-step-explanations'
import { COGNITO_STEPS } from './cognito-step-explanations'

export type StepExplanation = {
  /** What happens now and why it matters, in two or three sentences. */
  text: string
  /** The rule it comes from, cited as diagnostics cite it. */
  ref: string
  url: string
}

const RFC = (rfc: number, section: string) =>
  `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`
const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

const OAUTH_STEPS = {
  'loopback.listen': {
    text: 'The app opens a tiny web server on this computer to receive the browser when the provider sends it back. A native app has no public address of its own, so it listens on a loopback address (127.0.0.1 or ::1), usually on a port the system picks for this run.',
    ref: 'RFC 8252 §7.3',
    url: RFC(8252, '7.3'),
  },
  'oauth.discovery': {
    text: "The client reads the provider's discovery document to learn its endpoints, keys URL and what it supports, instead of hard-coding them. The issuer in the document must be exactly the URL it was fetched from: that is what ties every later token to this provider.",
    ref: 'OpenID Connect Discovery §4',
    url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig',
  },
  'oauth.endpoints-by-hand': {
    text: 'No discovery here: the endpoints were typed in by hand, as for a provider that publishes no metadata. Nothing checks them against the provider, so a typo shows up only when a request fails.',
    ref: 'RFC 8414 §2',
    url: RFC(8414, '2'),
  },
  'oauth.state': {
    text: 'The client makes a random state (and, with OpenID Connect, a random nonce) for this one request. The state must come back unchanged with the answer, which proves the answer belongs to a request this client made: it is the defence against cross-site request forgery.',
    ref: 'RFC 6749 §10.12',
    url: RFC(6749, '10.12'),
  },
  'oauth.pkce': {
    text: 'Besides state and nonce, the client makes a PKCE pair: a random code_verifier it keeps, and its SHA-256 hash, the code_challenge, which goes with the request. Only the holder of the verifier can later redeem the code, so a code stolen on its way back is worthless.',
    ref: 'RFC 7636 §4.1–4.2',
    url: RFC(7636, '4.1'),
  },
  'oauth.authorize': {
    text: 'The browser goes to the authorization endpoint with the client id, redirect URI, scope and the one-time values. The user signs in and consents at the provider, never in the app, so the app never sees the password.',
    ref: 'RFC 6749 §4.1.1',
    url: RFC(6749, '4.1.1'),
  },
  'oauth.callback': {
    text: 'The provider sends the browser back to the redirect URI with a short-lived code and the state; the code is not a token yet, and useless on its own to whoever sees it in the browser history or a log. While waiting, the app asks the provider for the same URL once without a browser (following no redirect), so a redirect URI the provider refuses is reported at once rather than after a timeout.',
    ref: 'RFC 6749 §4.1.2',
    url: RFC(6749, '4.1.2'),
  },
  'oauth.callback-fragment': {
    text: 'Here the answer comes back in the URL fragment (after #), which the browser never sends to a server. A small page at the redirect URI reads it and relays it to the listener; that is also why tokens in a fragment can leak through scripts and history.',
    ref: 'OAuth 2.0 Multiple Response Type Encoding Practices §2.1',
    url: 'https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes',
  },
  'oauth.token-code': {
    text: 'The client exchanges the code for tokens at the token endpoint, server to server, sending the same redirect URI and the PKCE code_verifier (and its secret, when it has one). The provider checks that all of them match what the code was issued for before it answers with tokens.',
    ref: 'RFC 6749 §4.1.3',
    url: RFC(6749, '4.1.3'),
  },
  'oauth.token-code-replay': {
    text: 'The client sends the code it has already exchanged, exactly as before. An authorization code is single-use: a second exchange must be refused, and the provider should revoke what the code already gave.',
    ref: 'RFC 6749 §4.1.2',
    url: RFC(6749, '4.1.2'),
  },
  'oauth.state-check': {
    text: 'Before using the code, the client compares the state that came back with the one it sent. openid-client does this on every run; it shows here as a step because the comparison failed.',
    ref: 'RFC 6749 §10.12',
    url: RFC(6749, '10.12'),
  },
  'oauth.nonce-check': {
    text: 'The client checks the claims of the ID token in the token response, among them that its nonce is the one this client sent. openid-client does this on every run; it shows here as a step because the nonce did not match.',
    ref: 'OIDC Core §3.1.3.7 step 11',
    url: `${OIDC_CORE}#IDTokenValidation`,
  },
  'oauth.token-fragment': {
    text: 'The client checks the answer that came back in the fragment: the state it sent, the issuer it expects, and the token type. With no token endpoint in between, these checks are all that stands between the app and a token someone injected.',
    ref: 'RFC 6749 §4.2.2',
    url: RFC(6749, '4.2.2'),
  },
  'oauth.client-credentials': {
    text: 'The client asks for a token for itself, with its own credentials and no user at all. This is how a service calls an API; the token says which client it is, never which person.',
    ref: 'RFC 6749 §4.4',
    url: RFC(6749, '4.4'),
  },
  'oauth.client-assertion': {
    text: 'Instead of a secret, the client signs a short JWT with its private key: iss and sub are its client id, aud the provider, jti a one-time id, exp a minute away. The private key never leaves the client: the provider checks the signature with the public key registered for it, so an assertion caught in transit expires within a minute and signs nothing else.',
    ref: 'RFC 7523 §2.2, §3; OIDC Core §9',
    url: RFC(7523, '2.2'),
  },
  'oauth.client-assertion-alg': {
    text: "Before the first assertion is sent, compare its algorithm with the ones the provider's metadata lists for client assertions at the token endpoint. A provider refuses an assertion signed with an algorithm it does not accept, and says only invalid_client.",
    ref: 'OpenID Connect Discovery §3',
    url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata',
  },
  'oauth.device-authorization': {
    text: 'A device without a handy browser (a TV, a CLI) asks the provider for a device code and a short user code. The person will finish the sign-in on another device, while this one waits.',
    ref: 'RFC 8628 §3.1',
    url: RFC(8628, '3.1'),
  },
  'oauth.device-user-code': {
    text: 'The person opens the verification address on a phone or laptop and enters the user code shown. Check that the code on the page is the one shown here: that is how a person spots a phishing attempt.',
    ref: 'RFC 8628 §3.3',
    url: RFC(8628, '3.3'),
  },
  'oauth.device-poll': {
    text: 'The device asks the token endpoint, at the interval the provider named, whether the person has finished. "authorization_pending" means keep waiting, "slow_down" means wait 5 seconds longer each time.',
    ref: 'RFC 8628 §3.4–3.5',
    url: RFC(8628, '3.4'),
  },
  'oauth.refresh': {
    text: 'The client trades its refresh token for a fresh access token, without the user. It may ask for less scope than was granted, never more.',
    ref: 'RFC 6749 §6',
    url: RFC(6749, '6'),
  },
  'oauth.rotation': {
    text: 'Compare the refresh token that came back with the one sent. A provider that rotates them issues a new one each time and invalidates the old, so a stolen refresh token is caught the moment two parties use it.',
    ref: 'RFC 9700 §4.14.2',
    url: RFC(9700, '4.14.2'),
  },
  'oauth.refreshed-id-token': {
    text: 'A refresh continues the same sign-in, so a new ID token must keep the issuer, the subject, the audience and (where the first had them) auth_time and azp of the original; a nonce, if any, must be the original one. A token that breaks this is refused and its tokens are not kept.',
    ref: 'OIDC Core §12.2',
    url: `${OIDC_CORE}#RefreshTokenResponse`,
  },
  'oauth.userinfo': {
    text: 'The client calls the UserInfo endpoint with the access token as a Bearer token. The answer holds the claims the user agreed to release for the scopes granted.',
    ref: 'OIDC Core §5.3',
    url: `${OIDC_CORE}#UserInfo`,
  },
  'oauth.userinfo-claims': {
    text: 'These are the claims the provider released about the user. Its sub must be the sub of the ID token from the same sign-in; if not, the answer is about someone else and must be thrown away.',
    ref: 'OIDC Core §5.3.2',
    url: `${OIDC_CORE}#UserInfoResponse`,
  },
  'oauth.introspection': {
    text: 'A resource server asks the provider whether a token is active, and what it is for, authenticating as itself. This is how opaque tokens, which carry no readable claims, are checked.',
    ref: 'RFC 7662 §2.1',
    url: RFC(7662, '2.1'),
  },
  'oauth.introspection-verdict': {
    text: 'Read "active" first: when it is false the token must not be accepted, and the answer should say nothing more. When true, scope, client_id, exp and sub say what the token allows and until when.',
    ref: 'RFC 7662 §2.2',
    url: RFC(7662, '2.2'),
  },
  'oauth.revocation': {
    text: 'The client tells the provider it no longer needs a token (at sign-out, for example). Revoking a refresh token usually ends the access tokens issued from it too.',
    ref: 'RFC 7009 §2.1',
    url: RFC(7009, '2.1'),
  },
  'oauth.revocation-answer': {
    text: 'A 200 means the provider is done with the token; it answers 200 for an unknown or already revoked token too, since the client could do nothing else about it. A JWT access token may still be accepted by APIs until it expires, since they do not ask the provider.',
    ref: 'RFC 7009 §2.2',
    url: RFC(7009, '2.2'),
  },
  'oauth.logout': {
    text: "The browser goes to the provider's end_session_endpoint, naming the session with id_token_hint and where to come back. Signing out of the app alone would leave the provider session alive, and the next sign-in would pass silently.",
    ref: 'OIDC RP-Initiated Logout §2',
    url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout',
  },
  'oauth.logout-callback': {
    text: 'The provider sends the browser back to the post_logout_redirect_uri with the state sent, which proves the sign-out finished. That URI must be registered for the client, like a redirect URI.',
    ref: 'OIDC RP-Initiated Logout §3',
    url: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout',
  },
  'tokens.jwks': {
    text: "The client fetches the provider's public keys (its JWKS) to check the token's signature, choosing the key by the token's kid. Keys rotate, so they are fetched from the provider, never pasted in once.",
    ref: 'RFC 7517 §5',
    url: RFC(7517, '5'),
  },
  'tokens.id-token-checks': {
    text: 'The ID token is verified line by line: signature, issuer, audience, expiry, issue time, nonce, and the hashes that bind it to the code and access token. An ID token is proof of a sign-in only after every one of these checks passes.',
    ref: 'OIDC Core §3.1.3.7',
    url: `${OIDC_CORE}#IDTokenValidation`,
  },
} satisfies Record<string, StepExplanation>

const BREAK_IT_STEPS = {
  'break-it.state-changed': {
    text: 'On purpose, the state in the answer is replaced by another one, as a forged link or a mixed-up tab would carry it. Watch the client refuse the answer before it sends any token request.',
    ref: 'RFC 6749 §10.12',
    url: RFC(6749, '10.12'),
  },
  'break-it.verifier-dropped': {
    text: 'On purpose, the token request goes without the code_verifier, as an attacker holding only a stolen code would send it. Watch the provider refuse the code.',
    ref: 'RFC 7636 §4.6',
    url: RFC(7636, '4.6'),
  },
  'break-it.code-replayed': {
    text: 'On purpose, the code already exchanged is sent a second time, as an attacker replaying an intercepted code would. Watch the provider refuse it; it may also revoke the tokens it gave the first time.',
    ref: 'RFC 6749 §4.1.2',
    url: RFC(6749, '4.1.2'),
  },
  'break-it.redirect-uri-altered': {
    text: 'On purpose, the token request names a redirect_uri that differs from the authorization request by one character. Watch the provider refuse: the code is bound to the exact URI it was sent to.',
    ref: 'RFC 6749 §4.1.3',
    url: RFC(6749, '4.1.3'),
  },
  'break-it.nonce-changed': {
    text: 'On purpose, the client expects another nonce than the one it sent, as if the ID token came from another sign-in. Watch the ID token be refused.',
    ref: 'OIDC Core §3.1.3.7 step 11',
    url: `${OIDC_CORE}#IDTokenValidation`,
  },
  'break-it.expired-token-reused': {
    text: 'On purpose, the ID token is checked as if presented two minutes after it expired, as a token kept and reused later would be. Watch the expiry check fail.',
    ref: 'RFC 7519 §4.1.4',
    url: RFC(7519, '4.1.4'),
  },
} satisfies Record<string, StepExplanation>

export const STEP_EXPLANATIONS: Readonly<Record<string, StepExplanation>> = {
  ...OAUTH_STEPS,
  ...COGNITO_STEPS,
  ...COGNITO_ACCOUNT_STEPS,
  ...BREAK_IT_STEPS,
}

/** The teaching text of a step's `explain` key, when there is one. */
export function explanationOf(key: string): StepExplanation | undefined {
  return Object.hasOwn(STEP_EXPLANATIONS, key) ? STEP_EXPLANATIONS[key] : undefined
}
