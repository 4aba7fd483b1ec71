// An authorization endpoint for the fault provider that approves at once, as a provider does for a
// user already signed in: it redirects to the redirect URI with a code and the state it was sent.
// @see RFC 6749 §4.1.2
import type { FaultRoute } from './fault-provider'

export const AUTHORIZE = 'GET /authorize'

export const approveAtOnce: FaultRoute = (req, res) => {
  const asked = new URL(req.url ?? '/', 'http://provider').searchParams
  const target = new URL(asked.get('redirect_uri') ?? 'http://127.0.0.1/missing-redirect-uri')
  target.searchParams.set('code', 'code-from-fault-provider')
  target.searchParams.set('state', asked.get('state') ?? '')
  res.writeHead(302, { location: target.href }).end()
}
