// The flow benchmark's peer: authorization code + PKCE written as a bare openid-client script
// would be (discovery, a loopback listener, the code exchange with its checks), and nothing else.
// @see RFC 6749 §4.1, RFC 7636, RFC 8252 §7.3; openid-client v6 README
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as client from 'openid-client'

export type BareCodeFlowInput = {
  issuer: string
  clientId: string
  scope: string
  /** Answers the sign-in at the authorization URL and delivers the redirect back. */
  signIn: (authorizationUrl: string) => Promise<void>
}

/** Runs one authorization code + PKCE flow and resolves with the token response. */
export async function runBareCodeFlow(
  input: BareCodeFlowInput,
): Promise<client.TokenEndpointResponse> {
  const config = await client.discovery(
    new URL(input.issuer),
    input.clientId,
    undefined,
    undefined,
    {
      execute: [client.allowInsecureRequests],
    },
  )
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const listener = await listenOnce()
  try {
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: listener.redirectUri,
      scope: input.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    const [callbackUrl] = await Promise.all([
      listener.callback,
      input.signIn(authorizationUrl.href),
    ])
    return await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    })
  } finally {
    await listener.close()
  }
}

/** A loopback listener on a free port that resolves with the first request to /callback. */
async function listenOnce(): Promise<{
  redirectUri: string
  callback: Promise<URL>
  close: () => Promise<void>
}> {
  let resolveCallback: (url: URL) => void = () => undefined
  const callback = new Promise<URL>((resolve) => (resolveCallback = resolve))
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname !== '/callback') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this tab.')
    resolveCallback(url)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    callback,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
