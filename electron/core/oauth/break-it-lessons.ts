// What each "break it" toggle of the code flow does and teaches: the step that makes the request
// wrong, the refusal it provokes (by its diagnostic code) and the words a trainer reads out then.
// @see RFC 6749 §4.1.2, §4.1.3, §10.12; RFC 7636 §4.6; RFC 7519 §4.1.4; OIDC Core §3.1.3.7
import type { BreakIt } from '../../../shared/flow-input'
import type { StepMeta } from '../runs/run-recorder'

export type BreakItLesson = {
  /** The compute step that makes the thing wrong, shown before it goes. */
  step: Omit<StepMeta, 'kind'>
  /** The code of the diagnostic the refusal is described with. */
  refusal: string
  hint: string
  ref: string
  /**
   * For a refusal the client library makes silently (no request fails): the check step that
   * shows it.
   */
  check?: Omit<StepMeta, 'kind'>
}

export const BREAK_IT_LESSONS: Record<BreakIt, BreakItLesson> = {
  'state-changed': {
    step: {
      title: 'Break it: change the state that comes back',
      explain: 'break-it.state-changed',
    },
    refusal: 'OAUTH_STATE_MISMATCH',
    hint: "The state was changed on purpose, as a forged or mixed-up callback would carry it. The client compares it with the state it sent before it uses the code, and refuses: no token request goes out. Without this check, an attacker could sign the victim in to the attacker's account (CSRF).",
    ref: 'RFC 6749 §10.12',
    check: { title: 'Check the state that came back', explain: 'oauth.state-check' },
  },
  'verifier-dropped': {
    step: {
      title: 'Break it: leave code_verifier out of the token request',
      explain: 'break-it.verifier-dropped',
    },
    refusal: 'OAUTH_INVALID_GRANT',
    hint: 'The code was issued for a code_challenge, so the provider wants the code_verifier behind it and refuses the code without it. That is what stops someone who intercepted the code (another app on the device, a log, a proxy) from redeeming it.',
    ref: 'RFC 7636 §4.6',
  },
  'code-replayed': {
    step: { title: 'Break it: send the same code again', explain: 'break-it.code-replayed' },
    refusal: 'OAUTH_INVALID_GRANT',
    hint: 'An authorization code may be used once. The second exchange is refused, and the provider may take the replay for an attack and revoke the tokens already issued for this code: oidc-provider (the sandbox) does, so the tokens of the first exchange no longer work.',
    ref: 'RFC 6749 §4.1.2',
  },
  'redirect-uri-altered': {
    step: {
      title: 'Break it: name another redirect_uri in the token request',
      explain: 'break-it.redirect-uri-altered',
    },
    refusal: 'OAUTH_INVALID_GRANT',
    hint: "The code is bound to the redirect_uri of the authorization request, and the token request must name the very same one, character for character (here only a trailing slash differs). Otherwise a code sent to an attacker's address could be redeemed by the attacker.",
    ref: 'RFC 6749 §4.1.3',
  },
  'nonce-changed': {
    step: {
      title: 'Break it: expect another nonce in the ID token',
      explain: 'break-it.nonce-changed',
    },
    refusal: 'OAUTH_NONCE_MISMATCH',
    hint: "The client now expects another nonce than the one it sent, so the ID token's nonce does not match and the ID token is refused, as one replayed from another sign-in would be.",
    ref: 'OIDC Core §3.1.3.7 step 11',
    check: { title: 'Check the nonce in the ID token', explain: 'oauth.nonce-check' },
  },
  'expired-token-reused': {
    step: {
      title: 'Break it: check the ID token after it expired',
      explain: 'break-it.expired-token-reused',
    },
    refusal: 'TOKEN_EXPIRED',
    hint: 'The ID token is checked as if someone presented it two minutes after its exp, past the clock skew allowed. An expired token is refused whoever presents it: keeping one and reusing it later must not work.',
    ref: 'RFC 7519 §4.1.4',
  },
}
