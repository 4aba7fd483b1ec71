// The sandbox OpenID provider against an independent client (openid-client) and a real browser
// (Chromium, driven by role and label): every flow the app teaches, end to end.
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import * as client from 'openid-client'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../helpers/chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOidcSandbox, type OidcSandbox } from '../../electron/core/sandbox/oidc/oidc-sandbox'

const API = 'urn:afx:sandbox-api'
const USER_SCOPE = 'openid profile email groups offline_access'

/**
 * Where every flow lands, as the app's loopback listener would: a real listener on a random
 * port (Playwright cannot fulfil a redirect's target). Native clients accept it as it is; the
 * sandbox registers the web clients on it through `webCallbackPort`.
 */
let callbackServer: Server
let callbackOrigin: string
let redirectUri: string
let sandbox: OidcSandbox
let browser: Browser

beforeAll(async () => {
  callbackServer = createServer((_req, res) => res.end('Signed in: back in the app.'))
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve))
  const callbackPort = (callbackServer.address() as AddressInfo).port
  callbackOrigin = `http://127.0.0.1:${callbackPort}`
  redirectUri = `${callbackOrigin}/callback`
  ;[sandbox, browser] = await Promise.all([
    startOidcSandbox({ port: 0, webCallbackPort: callbackPort }),
    launchChromium(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
  callbackServer?.closeAllConnections()
  await new Promise((resolve) => callbackServer?.close(resolve))
})

/** openid-client configured for one demo client, with the auth method it is registered with. */
async function configFor(clientId: string, execute: ((c: client.Configuration) => void)[] = []) {
  const demo = sandbox.description.clients.find((c) => c.client_id === clientId)
  if (demo === undefined) throw new Error(`no demo client ${clientId}`)
  const secret = demo.client_secret ?? ''
  const auth =
    demo.token_endpoint_auth_method === 'client_secret_basic'
      ? client.ClientSecretBasic(secret)
      : demo.token_endpoint_auth_method === 'client_secret_post'
        ? client.ClientSecretPost(secret)
        : client.None()
  return client.discovery(new URL(sandbox.issuer), clientId, undefined, auth, {
    execute: [client.allowInsecureRequests, ...execute],
  })
}

async function signIn(page: Page, username: string, password = `${username}-password`) {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Starts a code flow with PKCE in `page`; `finish` drives the pages; returns the tokens. */
async function codeFlow(
  page: Page,
  config: client.Configuration,
  finish: () => Promise<void>,
  extra: Record<string, string> = {},
) {
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: USER_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  })
  await page.goto(url.href)
  await finish()
  await page.waitForURL((landed) => landed.href.startsWith(redirectUri))
  return client.authorizationCodeGrant(config, new URL(page.url()), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  })
}

const allow = (page: Page) => page.getByRole('button', { name: 'Allow' }).click()

describe('OIDC sandbox: discovery', () => {
  it('publishes its endpoints and a JWKS of freshly generated RS256 and ES256 keys', async () => {
    const config = await configFor('afx-native')
    const metadata = config.serverMetadata()
    expect(metadata.issuer).toBe(sandbox.issuer)
    expect(sandbox.issuer).toBe(`http://127.0.0.1:${sandbox.port}`)
    for (const endpoint of ['userinfo', 'introspection', 'revocation', 'end_session'] as const) {
      expect(metadata[`${endpoint}_endpoint`]).toMatch(sandbox.issuer)
    }
    expect(metadata.device_authorization_endpoint).toMatch(sandbox.issuer)
    const jwks = (await (await fetch(metadata.jwks_uri!)).json()) as { keys: { alg: string }[] }
    expect(jwks.keys.map((key) => key.alg)).toEqual(['RS256', 'ES256'])
  })
})

describe('OIDC sandbox: native client (public, PKCE, any loopback port)', () => {
  let context: BrowserContext
  let page: Page
  let config: client.Configuration
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>

  beforeAll(async () => {
    context = await browser.newContext()
    page = await context.newPage()
    config = await configFor('afx-native')
  })
  afterAll(() => context.close())

  it('signs bob in through our login and consent pages; the ID token verifies against the JWKS', async () => {
    const consentText: (string | null)[] = []
    tokens = await codeFlow(
      page,
      config,
      async () => {
        await signIn(page, 'bob')
        consentText.push(await page.getByRole('list', { name: 'Requested scopes' }).textContent())
        await allow(page)
      },
      { prompt: 'consent' },
    )
    expect(consentText[0]).toMatch(/groups.*claims: groups/)
    const jwks = createRemoteJWKSet(new URL(`${sandbox.issuer}/jwks`))
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token!, jwks, {
      issuer: sandbox.issuer,
      audience: 'afx-native',
    })
    expect(protectedHeader.alg).toBe('RS256')
    expect(payload.sub).toBe('bob')
    expect(tokens.refresh_token).toBeTruthy()
  })

  it('userinfo returns bob’s unverified email and groups', async () => {
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'bob')
    expect(userinfo).toMatchObject({
      email: 'bob@example.test',
      email_verified: false,
      groups: ['developers', 'sandbox-admins'],
    })
  })

  it('rotates the refresh token of this client on refresh', async () => {
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!)
    expect(refreshed.refresh_token).toBeTruthy()
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token)
    tokens = refreshed
  })

  it('introspects the access token as active, then as inactive once revoked', async () => {
    const active = await client.tokenIntrospection(config, tokens.access_token)
    expect(active).toMatchObject({ active: true, sub: 'bob', client_id: 'afx-native' })
    await client.tokenRevocation(config, tokens.access_token)
    const revoked = await client.tokenIntrospection(config, tokens.access_token)
    expect(revoked.active).toBe(false)
  })

  it('ends the session at end_session and returns to a loopback post_logout_redirect_uri', async () => {
    const state = client.randomState()
    const logout = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: `${callbackOrigin}/logged-out`,
      state,
    })
    await page.goto(logout.href)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(`${callbackOrigin}/logged-out?**`)
    expect(new URL(page.url()).searchParams.get('state')).toBe(state)
    // Signed out: the next authorization in this browser asks for the password again.
    await codeFlow(page, config, async () => {
      await signIn(page, 'bob')
      await allow(page)
    })
  })
})

describe('OIDC sandbox: web clients and consent', () => {
  it('keeps the refresh token of the client_secret_basic client (rotation off)', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const config = await configFor('afx-web-basic')
    const tokens = await codeFlow(
      page,
      config,
      async () => {
        await signIn(page, 'alice')
        await allow(page)
      },
      { prompt: 'consent' },
    )
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!)
    expect(refreshed.refresh_token).toBe(tokens.refresh_token)
    expect(refreshed.access_token).not.toBe(tokens.access_token)
    await context.close()
  })

  it('remembers alice’s consent in her session but asks carol again on every sign-in', async () => {
    const config = await configFor('afx-web-post')
    for (const [username, asksAgain] of [
      ['alice', false],
      ['carol', true],
    ] as const) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await codeFlow(page, config, async () => {
        await signIn(page, username)
        await allow(page)
      })
      let consentShown = false
      await codeFlow(page, config, async () => {
        consentShown = new URL(page.url()).pathname.startsWith('/interaction/')
        if (consentShown) await allow(page)
      })
      expect({ username, consentShown }).toEqual({ username, consentShown: asksAgain })
      await context.close()
    }
  })

  it('ends in access_denied when the user presses Deny', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const denied = codeFlow(page, await configFor('afx-native'), async () => {
      await signIn(page, 'alice')
      await page.getByRole('button', { name: 'Deny' }).click()
    })
    await expect(denied).rejects.toMatchObject({ error: 'access_denied' })
    await context.close()
  })

  it('says a wrong password in words, escapes what it echoes, and sends a strict CSP', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    const config = await configFor('afx-native')
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    })
    const response = await page.goto(url.href)
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'")
    await page.getByText('Sandbox provider — demo users only').waitFor()
    await signIn(page, '<b>alice</b>', 'not-her-password')
    expect(await page.getByRole('alert').textContent()).toMatch(/Wrong username or password/)
    expect(await page.getByLabel('Username').inputValue()).toBe('<b>alice</b>')
    expect(await page.locator('b').count()).toBe(0)
    expect(consoleErrors).toEqual([])
    await context.close()
  })
})

describe('OIDC sandbox: other grants', () => {
  it('issues an at+jwt access token for the API with client credentials and a resource', async () => {
    const config = await configFor('afx-service')
    const tokens = await client.clientCredentialsGrant(config, {
      scope: 'api:read api:write',
      resource: API,
    })
    const jwks = createRemoteJWKSet(new URL(`${sandbox.issuer}/jwks`))
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
      issuer: sandbox.issuer,
      audience: API,
      typ: 'at+jwt',
    })
    expect(protectedHeader.alg).toBe('ES256')
    expect(payload).toMatchObject({ scope: 'api:read api:write', client_id: 'afx-service' })
  })

  it('gives the API client a JWT access token even when it names no resource', async () => {
    const tokens = await client.clientCredentialsGrant(await configFor('afx-jwt-at'), {
      scope: 'api:read',
    })
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt')
  })

  it('returns id_token and access_token in the fragment to the implicit client', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const config = await configFor('afx-implicit', [client.useIdTokenResponseType])
    const state = client.randomState()
    const nonce = client.randomNonce()
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      response_type: 'id_token token',
      state,
      nonce,
    })
    await page.goto(url.href)
    await signIn(page, 'alice')
    await allow(page)
    await page.waitForURL(`${redirectUri}#**`)
    const callback = new URL(page.url())
    const claims = await client.implicitAuthentication(config, callback, nonce, {
      expectedState: state,
    })
    expect(claims.sub).toBe('alice')
    expect(new URLSearchParams(callback.hash.slice(1)).get('access_token')).toBeTruthy()
    await context.close()
  })

  it('redeems the code of a hybrid code id_token response, both from the fragment', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const config = await configFor('afx-hybrid', [client.useCodeIdTokenResponseType])
    const tokens = await codeFlow(
      page,
      config,
      async () => {
        await signIn(page, 'carol')
        await allow(page)
      },
      { scope: 'openid email' },
    )
    expect(new URL(page.url()).hash).toMatch(/id_token=/)
    expect(tokens.claims()).toMatchObject({ sub: 'carol', aud: 'afx-hybrid' })
    await context.close()
  })

  it('completes the device authorization grant through the code entry page', async () => {
    const config = await configFor('afx-device')
    const device = await client.initiateDeviceAuthorization(config, { scope: 'openid profile' })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(device.verification_uri)
    await page.getByLabel('Code').fill(device.user_code)
    await page.getByRole('button', { name: 'Continue' }).click()
    await signIn(page, 'alice')
    await allow(page)
    await page.getByRole('heading', { name: 'Device connected' }).waitFor()
    // A code that arrives in a link is shown for comparison before anything else happens.
    const second = await client.initiateDeviceAuthorization(config, { scope: 'openid' })
    await page.goto(second.verification_uri_complete!)
    await page.getByRole('heading', { name: 'Confirm the device' }).waitFor()
    expect(await page.locator('.user-code').textContent()).toBe(second.user_code)
    await context.close()
    // The sandbox sends no interval, so clients wait RFC 8628's default 5 s; 1 s keeps this short.
    const tokens = await client.pollDeviceAuthorizationGrant(config, { ...device, interval: 1 })
    expect(tokens.claims()?.sub).toBe('alice')
  })
})

describe('OIDC sandbox: lifecycle', () => {
  it('falls back to another port when the preferred one is taken', async () => {
    const second = await startOidcSandbox({ port: sandbox.port })
    try {
      expect(second.port).not.toBe(sandbox.port)
      expect(second.issuer).toBe(`http://127.0.0.1:${second.port}`)
      const response = await fetch(`${second.issuer}/.well-known/openid-configuration`)
      expect(((await response.json()) as { issuer: string }).issuer).toBe(second.issuer)
    } finally {
      await second.close()
    }
  })

  it('leaves nothing listening after close(), even with a keep-alive connection open', async () => {
    const other = await startOidcSandbox({ port: 0 })
    await fetch(`${other.issuer}/jwks`) // leaves a pooled keep-alive connection behind
    await other.close()
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = connect(other.port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(undefined)
      })
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code))
    })
    expect(refused).toBe('ECONNREFUSED')
  })
})
