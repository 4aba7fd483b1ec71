// The sandbox provider's own sign-in and consent pages (in place of oidc-provider's development
// pages): plain forms with labelled fields, no script, every echoed value escaped.
// @see OpenID Connect Core 1.0 §3.1.2.3-4 (Authenticates / Obtains Consent) https://openid.net/specs/openid-connect-core-1_0.html#Authenticates
import { DEMO_USERS } from './demo-users'
import { html, type SafeHtml } from '../../html/html-template'
import { renderPage } from './html-page'
import { describeScope } from './scopes'

export type LoginPageInput = {
  uid: string
  clientName: string
  /** Echoed back after a failed attempt, so only the password has to be typed again. */
  username?: string
  error?: string
}

/** The sign-in form, with the published demo accounts listed under it. */
export function renderLoginPage({ uid, clientName, username, error }: LoginPageInput): string {
  return renderPage(
    'Sign in',
    html`<h1>Sign in</h1>
      <p><strong>${clientName}</strong> asks you to sign in.</p>
      ${error === undefined ? '' : html`<p role="alert">${error}</p>`}
      <form method="post" action="/interaction/${uid}/login">
        <label for="username">Username</label>
        <input
          id="username"
          name="username"
          type="text"
          autocomplete="username"
          required
          autofocus
          value="${username ?? ''}"
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button type="submit">Sign in</button>
      </form>
      ${demoUsersTable()}`,
  )
}

function demoUsersTable(): SafeHtml {
  return html`<table>
    <caption>
      Demo users
    </caption>
    <thead>
      <tr>
        <th scope="col">Username</th>
        <th scope="col">Password</th>
        <th scope="col">Shows</th>
      </tr>
    </thead>
    <tbody>
      ${DEMO_USERS.map(
        (user) =>
          html`<tr>
            <td><code>${user.username}</code></td>
            <td><code>${user.password}</code></td>
            <td>${user.label}</td>
          </tr>`,
      )}
    </tbody>
  </table>`
}

export type ConsentPageInput = {
  uid: string
  clientName: string
  userName: string
  /** Every scope the client asks for, the OpenID ones and the API's. */
  scopes: string[]
  /** Resource indicators the request names (RFC 8707), when any. */
  resources: string[]
}

/** The consent form: what the client asks for, in words and in claims, with Allow and Deny. */
export function renderConsentPage(input: ConsentPageInput): string {
  const { uid, clientName, userName, scopes, resources } = input
  return renderPage(
    'Allow access?',
    html`<h1>Allow access?</h1>
      <p><strong>${clientName}</strong> asks to act for <strong>${userName}</strong>:</p>
      <ul aria-label="Requested scopes">
        ${scopes.map(scopeItem)}
      </ul>
      ${
        resources.length === 0
          ? ''
          : html`<p>
              Access tokens for: ${resources.map((resource) => html`<code>${resource}</code> `)}
            </p>`
      }
      <div class="actions">
        <form method="post" action="/interaction/${uid}/consent">
          <button type="submit">Allow</button>
        </form>
        <form method="post" action="/interaction/${uid}/deny">
          <button type="submit" class="secondary">Deny</button>
        </form>
      </div>`,
  )
}

function scopeItem(scope: string): SafeHtml {
  const { purpose, claims } = describeScope(scope)
  const released = claims.length === 0 ? '' : html` (claims: ${claims.join(', ')})`
  return html`<li><code>${scope}</code>: ${purpose}${released}</li>`
}

/** A step that cannot go on (an expired sign-in, an unknown client), told in words. */
export function renderProblemPage(error: string, description: string | undefined): string {
  return renderPage(
    'Something went wrong',
    html`<h1>Something went wrong</h1>
      <p role="alert"><code>${error}</code>${description ? html`: ${description}` : ''}</p>
      <p>Check the client's settings in Auth Flow Explorer, then start the flow again.</p>`,
  )
}
