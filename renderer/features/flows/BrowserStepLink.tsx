// The link a browser step offers, for whoever drives the browser themselves. A URL that carries a
// secret (a logout's id_token_hint) is shown redacted, so it is revealed on request first.
import { useState } from 'react'
import { SECRET_MARKER, type Step } from '../../../shared/run-model'
import { call } from '../../client'

/** What the page at the end of the link is for, by the step's teaching key. */
const LINK_TEXT: Record<string, string> = {
  'oauth.logout': 'Open the sign-out page',
  'cognito.logout': 'Open the sign-out page',
  'oauth.device-user-code': 'Open the verification page',
}

export function BrowserStepLink({ runId, step, url }: { runId: string; step: Step; url: string }) {
  const [revealed, setRevealed] = useState<string>()
  const text = LINK_TEXT[step.explain] ?? 'Open the sign-in page'
  const href = revealed ?? url
  if (!new RegExp(SECRET_MARKER.source).test(href)) {
    return (
      <p>
        <a href={href} target="_blank" rel="noreferrer noopener">
          {text}
        </a>
      </p>
    )
  }
  const reveal = async () => {
    let whole = url
    for (const [marker, secretId] of url.matchAll(SECRET_MARKER)) {
      const result = await call('runs.revealSecret', { runId, secretId: secretId ?? '' })
      if (!result.ok) return
      const value = result.value.value
      whole = whole.replace(marker, () => value) // a $ in a secret is not a replacement pattern
    }
    setRevealed(whole)
  }
  return (
    <p>
      <button type="button" className="link-button" onClick={reveal}>
        {text}: reveal the link (it carries a secret)
      </button>
    </p>
  )
}
