// The pages oidc-provider renders itself for logout and for errors it cannot send back to a
// client, replaced through its hooks so they match the sandbox's layout and pass its CSP.
// @see https://github.com/panva/node-oidc-provider/tree/main/docs#featuresrpinitiatedlogout
import type { ErrorOut, ProviderContext } from 'oidc-provider'
import { html, SafeHtml } from '../../html/html-template'
import { renderPage } from './html-page'
import { renderProblemPage } from './interaction-pages'

/**
 * Asks before ending the session (`features.rpInitiatedLogout.logoutSource`).
 * @see OpenID Connect RP-Initiated Logout 1.0 §2 https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export async function renderLogoutPage(ctx: ProviderContext, providerForm: string): Promise<void> {
  // Trusted markup: oidc-provider builds it from its own route URL and anti-forgery secret.
  const form = new SafeHtml(providerForm)
  const client = ctx.oidc.client
  const returnTo = client ? html` and return to ${client.clientName ?? client.clientId}` : ''
  ctx.type = 'html'
  ctx.body = renderPage(
    'Sign out?',
    html`<h1>Sign out?</h1>
      <p>End your session at the sandbox provider${returnTo}.</p>
      ${form}
      <div class="actions">
        <button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
        <button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>
      </div>`,
  )
}

/** Shown after a logout that names no post_logout_redirect_uri. */
export async function renderLoggedOutPage(ctx: ProviderContext): Promise<void> {
  ctx.type = 'html'
  ctx.body = renderPage(
    'Signed out',
    html`<h1>Signed out</h1>
      <p>Your sandbox session has ended.</p>`,
  )
}

/**
 * Errors that cannot go back to the client (an unknown client, a redirect URI not registered):
 * told to the person in the browser instead (`renderError`).
 * @see RFC 6749 §4.1.2.1 (when not to redirect an error) https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export async function renderErrorPage(ctx: ProviderContext, out: ErrorOut): Promise<void> {
  ctx.type = 'html'
  ctx.body = renderProblemPage(out.error, out.error_description)
}
