// Trainer mode's "break it" toggles, applied to one run of the code flow: each toggle chosen makes
// one thing wrong on purpose, as a compute step that shows what changed (before → after, secrets
// as markers); the refusal that follows is told with what the toggle teaches. A toggle not chosen
// changes nothing, so the flow reads the same with or without them.
// @see RFC 6749 §4.1.2, §4.1.3, §10.12; RFC 7636 §4.6; RFC 7519 §4.1.4; OIDC Core §3.1.3.7
import * as oidc from 'openid-client'
import { formatUtc } from '../../../shared/claim-times'
import type { BreakIt } from '../../../shared/flow-input'
import type { Diagnostic } from '../../../shared/run-model'
import { DiagnosedFailure, describeRunFailure } from '../runs/describe-run-failure'
import type { RunContext } from '../runs/run-context'
import { decodeJwt } from '../tokens/decode-jwt'
import { BREAK_IT_LESSONS } from './break-it-lessons'
import type { PkcePair } from './pkce'

/** How long after its exp an expired token is presented: past the 60 s clock skew allowed. */
const PRESENTED_AFTER_EXP_SECONDS = 120

export class CodeFlowBreaker {
  readonly #ctx: RunContext
  readonly #toggles: ReadonlySet<BreakIt>

  constructor(ctx: RunContext, toggles: readonly BreakIt[] = []) {
    this.#ctx = ctx
    this.#toggles = new Set(toggles)
  }

  /** `state-changed`: the callback carries another state, as a forged callback would. */
  async callbackParams(params: Record<string, string>): Promise<Record<string, string>> {
    if (!this.#toggles.has('state-changed')) return params
    const before = params.state ?? ''
    const after = oidc.randomState()
    await this.#change('state-changed', () => ({ state: `${before} → ${after}` }))
    return { ...params, state: after }
  }

  /** `redirect-uri-altered`: the token request names the redirect URI with(out) a trailing slash. */
  async tokenRedirectUri(redirectUri: string): Promise<string> {
    if (!this.#toggles.has('redirect-uri-altered')) return redirectUri
    const after = redirectUri.endsWith('/') ? redirectUri.slice(0, -1) : `${redirectUri}/`
    await this.#change('redirect-uri-altered', () => ({
      redirect_uri: `${redirectUri} → ${after}`,
    }))
    return after
  }

  /** `verifier-dropped`: the token request goes without code_verifier. */
  async codeVerifier(pkce: PkcePair | undefined): Promise<string | undefined> {
    if (!this.#toggles.has('verifier-dropped')) return pkce?.verifier
    await this.#change('verifier-dropped', () => ({
      code_verifier: pkce
        ? `${this.#ctx.secrets.add(pkce.verifier, 'code_verifier')} → not sent`
        : 'none to drop: this run sends no PKCE',
    }))
    return undefined
  }

  /** `nonce-changed`: the ID token is expected to carry another nonce than the one sent. */
  async expectedNonce(nonce: string): Promise<string> {
    if (!this.#toggles.has('nonce-changed')) return nonce
    const after = oidc.randomNonce()
    await this.#change('nonce-changed', () => ({ 'nonce expected': `${nonce} → ${after}` }))
    return after
  }

  /** `code-replayed`: after the exchange, `exchangeAgain` sends the same code a second time. */
  async replayCode(code: string, exchangeAgain: () => Promise<unknown>): Promise<void> {
    if (!this.#toggles.has('code-replayed')) return
    await this.#change('code-replayed', () => ({
      code: `${this.#ctx.secrets.add(code, 'code')} (already exchanged) → sent again`,
    }))
    await this.explainRefusal(['code-replayed'], exchangeAgain)
  }

  /**
   * `expired-token-reused`: the clock the ID token is checked with, set past its exp; undefined
   * (now) without the toggle.
   */
  async idTokenClock(idToken: string): Promise<number | undefined> {
    if (!this.#toggles.has('expired-token-reused')) return undefined
    const decoded = decodeJwt(idToken)
    const exp = decoded.kind === 'jws' ? decoded.payload.exp : undefined
    if (typeof exp !== 'number') {
      await this.#change('expired-token-reused', () => ({ exp: 'none: the check keeps its clock' }))
      return undefined
    }
    const checkedAt = (exp + PRESENTED_AFTER_EXP_SECONDS) * 1000
    await this.#change('expired-token-reused', () => ({
      exp: formatUtc(new Date(exp * 1000)),
      'checked at': `now → ${formatUtc(new Date(checkedAt))}`,
    }))
    return checkedAt
  }

  /**
   * Runs `attempt`; a refusal that one of `toggles` (those acting on it) provoked ends the run told
   * with that toggle's lesson, and as a check step when the client library refused without a
   * request failing. Anything else is thrown as it was.
   */
  async explainRefusal<T>(toggles: readonly BreakIt[], attempt: () => Promise<T>): Promise<T> {
    if (!toggles.some((toggle) => this.#toggles.has(toggle))) return attempt()
    try {
      return await attempt()
    } catch (error) {
      const [described] = describeRunFailure(error)
      const provokers = described ? this.#provokers(described.code, toggles) : []
      if (!described || provokers.length === 0) throw error
      const taught = teach(described, provokers)
      const check = provokers.map((toggle) => BREAK_IT_LESSONS[toggle].check).find(Boolean)
      if (check) this.#ctx.check(check, [taught])
      throw new DiagnosedFailure([taught], { cause: error })
    }
  }

  /** Ends the run on ID token checks that failed because of a chosen toggle, told with its lesson. */
  explainIdTokenFailures(failures: Diagnostic[]): void {
    const taught = failures.map((failure) => {
      const provokers = this.#provokers(failure.code, ['expired-token-reused'])
      return provokers.length > 0 ? teach(failure, provokers) : failure
    })
    if (taught.some((failure, index) => failure !== failures[index])) {
      throw new DiagnosedFailure(taught)
    }
  }

  /** The chosen toggles among `toggles` whose refusal is described with `code`. */
  #provokers(code: string, toggles: readonly BreakIt[]): BreakIt[] {
    return toggles.filter(
      (toggle) => this.#toggles.has(toggle) && BREAK_IT_LESSONS[toggle].refusal === code,
    )
  }

  #change(toggle: BreakIt, changed: () => Record<string, string>): Promise<unknown> {
    return this.#ctx.compute(BREAK_IT_LESSONS[toggle].step, {}, changed, (result) => result)
  }
}

/**
 * A diagnostic told with the lessons of the toggles that provoked it: both when two could have (a
 * provider's invalid_grant does not say which mistake it saw first).
 */
function teach(diagnostic: Diagnostic, provokers: BreakIt[]): Diagnostic {
  const lessons = provokers.map((toggle) => BREAK_IT_LESSONS[toggle])
  return {
    ...diagnostic,
    hint: lessons.map((lesson) => lesson.hint).join(' '),
    ref: lessons.map((lesson) => lesson.ref).join(', '),
  }
}
