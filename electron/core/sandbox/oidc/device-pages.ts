// The device flow's pages that oidc-provider renders itself (code entry, code confirmation,
// success), replaced through its hooks so they match the sandbox's layout and pass its CSP.
// @see RFC 8628 §3.3 (User Interaction) https://www.rfc-editor.org/rfc/rfc8628#section-3.3
import type { ErrorOut, ProviderContext } from 'oidc-provider'
import { html, SafeHtml } from '../../html/html-template'
import { renderPage } from './html-page'

type DeviceFlowError = Error & { userCode?: string }

/** oidc-provider's re-render errors of the code entry page, by class name. */
const DEVICE_ERROR_TEXT: Record<string, string> = {
  NoCodeError: 'Enter the code shown on your device.',
  NotFoundError: 'No sign-in request has that code. Check the code shown on your device.',
  ExpiredError: 'That code has expired. Start again on your device.',
  AlreadyUsedError: 'That code has already been used.',
  AbortedError: 'The sign-in was cancelled.',
}

/**
 * The code entry page (`features.deviceFlow.userCodeInputSource`). Our own form instead of the
 * provider's, whose field has no label and an inline event handler the CSP would block. It sends
 * `confirm=yes`: whoever typed the code has compared it already; only a code that came in a link
 * (verification_uri_complete) is shown again for confirmation.
 * @see RFC 8628 §3.3 (User Interaction) https://www.rfc-editor.org/rfc/rfc8628#section-3.3
 */
export async function renderDeviceCodePage(
  ctx: ProviderContext,
  _providerForm: string,
  out?: ErrorOut,
  error?: DeviceFlowError,
): Promise<void> {
  const text =
    error === undefined
      ? undefined
      : (DEVICE_ERROR_TEXT[error.name] ??
        `The sign-in did not complete: ${out?.error_description ?? out?.error ?? error.message}`)
  ctx.type = 'html'
  ctx.body = renderPage(
    'Connect a device',
    html`<h1>Connect a device</h1>
      <p>Enter the code your device shows to let it sign in.</p>
      ${text === undefined ? '' : html`<p role="alert">${text}</p>`}
      <form method="post" action="${ctx.oidc.urlFor('code_verification')}">
        <input type="hidden" name="xsrf" value="${ctx.oidc.session?.state?.secret ?? ''}" />
        <input type="hidden" name="confirm" value="yes" />
        <label for="user_code">Code</label>
        <input
          id="user_code"
          name="user_code"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          required
          autofocus
          value="${error?.userCode ?? ''}"
        />
        <button type="submit">Continue</button>
      </form>`,
  )
}

/**
 * Asks the person to compare codes before a device sign-in that arrived through
 * `verification_uri_complete` (`features.deviceFlow.userCodeConfirmSource`): the code came in
 * the link, so a phishing link would otherwise skip the only moment a person looks at it.
 * @see RFC 8628 §5.4 (Remote Phishing) https://www.rfc-editor.org/rfc/rfc8628#section-5.4
 */
export async function renderDeviceConfirmPage(
  ctx: ProviderContext,
  providerForm: string,
  _client: unknown,
  _deviceInfo: unknown,
  userCode: string,
): Promise<void> {
  // Trusted markup: oidc-provider builds it from its own route URL, secret and the code, escaped.
  const form = new SafeHtml(providerForm)
  ctx.type = 'html'
  ctx.body = renderPage(
    'Confirm the device',
    html`<h1>Confirm the device</h1>
      <p>${clientNameOf(ctx)} asks to sign in. Does your device show this code?</p>
      <p class="user-code"><code>${userCode}</code></p>
      ${form}
      <div class="actions">
        <button type="submit" form="op.deviceConfirmForm">Continue</button>
        <button
          type="submit"
          form="op.deviceConfirmForm"
          name="abort"
          value="yes"
          class="secondary"
        >
          Cancel
        </button>
      </div>`,
  )
}

/** The page after a device sign-in succeeded (`features.deviceFlow.successSource`). */
export async function renderDeviceSuccessPage(ctx: ProviderContext): Promise<void> {
  ctx.type = 'html'
  ctx.body = renderPage(
    'Device connected',
    html`<h1>Device connected</h1>
      <p>${clientNameOf(ctx)} is signed in. Return to your device: it finishes on its own.</p>`,
  )
}

/** The name of the client the device flow runs for, as registered. */
function clientNameOf(ctx: ProviderContext): string {
  const client = ctx.oidc.client
  return client?.clientName ?? client?.clientId ?? 'The device'
}
