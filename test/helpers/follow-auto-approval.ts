// Plays the browser for a provider that approves at once (the hostile provider): asks for the
// authorization URL, then delivers the redirect to the loopback listener, as a query or, for a
// fragment, the way the listener's relay page posts it.
// @see RFC 6749 §4.1.2 (query), OAuth 2.0 Multiple Response Type Encoding Practices §2.1 (fragment)

/** Follows the provider's redirect to the listener; returns the listener's HTTP status. */
export async function followAutoApproval(authorizationUrl: string): Promise<number> {
  const approval = await fetch(authorizationUrl, { redirect: 'manual' })
  await approval.body?.cancel()
  const location = approval.headers.get('location')
  if (location === null) {
    throw new Error(`the provider did not redirect (HTTP ${approval.status})`)
  }
  const target = new URL(location)
  if (target.hash === '') {
    const answer = await fetch(target, { redirect: 'manual' })
    await answer.body?.cancel()
    return answer.status
  }
  // What the relay page's script does: POST the fragment as JSON, from the listener's own origin.
  const relay = new URL(`${target.pathname.replace(/\/$/, '')}/relay`, target.origin)
  const answer = await fetch(relay, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: target.origin },
    body: JSON.stringify({ fragment: target.hash.slice(1) }),
  })
  await answer.body?.cancel()
  return answer.status
}
