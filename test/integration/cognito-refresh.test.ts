// REFRESH_TOKEN_AUTH as a run against the sandbox pool: new tokens for the refresh token of an
// earlier sign-in, SECRET_HASH over the user name Cognito knows (not the alias typed), and what
// the run says about rotation, both when the pool keeps the refresh token and when it rotates it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/create-core'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import type { Run } from '../../shared/run-model'
import { tokenSecretId } from '../../shared/run-token-secret'
import { CONFIDENTIAL, PUBLIC_WEB, useCognitoSandboxCore } from '../helpers/cognito-sandbox'
import { waitForRun } from '../helpers/run-events'

const cognito = useCognitoSandboxCore()
const { core, events, clientSecret } = cognito

const patId = () =>
  cognito.sandbox.description.users.find((u) => u.signInAliases?.includes('pat'))!.username

const pool = () => ({
  flow: 'cognito' as const,
  ...cognito.where(),
  mode: 'auto' as const,
})

const start = (
  on: Pick<Core, 'runs'>,
  input: Partial<CognitoFlowInput> & Pick<CognitoFlowInput, 'authFlow'>,
) => on.runs.start({ ...pool(), clientId: PUBLIC_WEB, ...input })

/** Signs a user in by SRP and returns the clear refresh token and the ID token's claims. */
async function signIn(username: string, password: string, clientId = PUBLIC_WEB) {
  const secret = clientId === CONFIDENTIAL ? { clientSecret: clientSecret() } : {}
  const run = await start(core, {
    clientId,
    username,
    password,
    authFlow: 'USER_SRP_AUTH',
    ...secret,
  }).done
  expect(run.status).toBe('succeeded')
  const reveal = (name: string) => core.runs.revealSecret(run.id, tokenSecretId(run, name)!)
  return { refreshToken: reveal('refresh_token'), claims: claimsOf(reveal('id_token')) }
}

/** An engine whose network is `fetchImpl`, to change what the pool answers on the way. */
const coreWithFetch = (fetchImpl: typeof fetch) =>
  createCore({
    face: 'web',
    dataDir: mkdtempSync(join(tmpdir(), 'afx-test-data-')),
    canEncryptSecrets: () => false,
    openBrowser: () => {},
    fetch: fetchImpl,
  })

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>

const steps = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)
const rotationOf = (run: Run) =>
  run.steps.find((step) => step.title === 'Compare the refresh token returned with the one sent')!

describe('Cognito REFRESH_TOKEN_AUTH as a run', () => {
  it("trades alice's refresh token for verified tokens and says it did not rotate", async () => {
    const { refreshToken, claims } = await signIn('alice', 'Sandbox-alice-1')
    const run = await start(core, { authFlow: 'REFRESH_TOKEN_AUTH', refreshToken }).done

    expect(run.status).toBe('succeeded')
    expect(run.title).toBe(`Cognito refresh (REFRESH_TOKEN_AUTH, ${PUBLIC_WEB})`)
    expect(steps(run)).toEqual([
      'http: InitiateAuth (REFRESH_TOKEN_AUTH): the refresh token, for new tokens',
      "http: Fetch the pool's keys to verify the ID token",
      'check: Verify the ID token: signature and every claim',
      "http: Fetch the pool's keys to verify the access token",
      'check: Verify the access token: signature and every claim',
      'check: Compare the refresh token returned with the one sent',
    ])
    const initiate = run.steps[0]!.exchange!
    expect(initiate.request.headers['x-amz-target']).toBe(
      'AWSCognitoIdentityProviderService.InitiateAuth',
    )
    const sent = JSON.parse(initiate.request.body!)
    expect(sent).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: PUBLIC_WEB })
    // The token says whose it is: no USERNAME, and a public client sends no SECRET_HASH.
    expect(Object.keys(sent.AuthParameters)).toEqual(['REFRESH_TOKEN'])
    expect(sent.AuthParameters.REFRESH_TOKEN).toMatch(/^«secret:s\d+:refresh_token»$/)
    // New ID and access tokens, named as OAuth's are, for the same user.
    expect(run.tokens.map((token) => token.name)).toEqual(['id_token', 'access_token'])
    const idToken = core.runs.revealSecret(run.id, tokenSecretId(run, 'id_token')!)
    expect(claimsOf(idToken)).toMatchObject({ sub: claims.sub, auth_time: claims.auth_time })
    const rotation = rotationOf(run)
    expect(rotation.outputs).toEqual({ rotated: false })
    expect(rotation.diagnostics).toEqual([
      expect.objectContaining({
        code: 'OAUTH_REFRESH_TOKEN_KEPT',
        severity: 'info',
        message: 'No refresh token came back: keep using the one you sent.',
        hint: expect.stringContaining('GetTokensFromRefreshToken'),
      }),
    ])
    for (const event of events) expect(event).not.toContain(refreshToken)
  })

  it('hashes the cognito:username for a client with a secret, not the alias pat signed in with', async () => {
    const { refreshToken, claims } = await signIn('pat', 'Sandbox-pat-1', CONFIDENTIAL)
    expect(claims['cognito:username']).toBe(patId())
    const refresh = (username: string) =>
      start(core, {
        clientId: CONFIDENTIAL,
        clientSecret: clientSecret(),
        authFlow: 'REFRESH_TOKEN_AUTH',
        refreshToken,
        username,
      }).done

    const byAlias = await refresh('pat')
    expect(byAlias.status).toBe('failed')
    expect(byAlias.diagnostics[0]).toMatchObject({
      code: 'COGNITO_NOT_AUTHORIZED',
      message: expect.stringContaining('Unable to verify secret hash'),
    })

    const byName = await refresh(patId())
    expect(byName.status).toBe('succeeded')
    const hash = byName.steps[0]!
    expect(hash.title).toBe(`Compute SECRET_HASH for ${patId()}`)
    expect(hash.inputs).toMatchObject({
      message: `${patId()}${CONFIDENTIAL}`,
      why: expect.stringContaining('cognito:username'),
    })
    expect(JSON.parse(byName.steps[1]!.exchange!.request.body!).AuthParameters).toEqual({
      REFRESH_TOKEN: expect.stringMatching(/^«secret:s\d+:refresh_token»$/),
      SECRET_HASH: expect.stringMatching(/^«secret:s\d+:SECRET_HASH»$/),
    })
    expect(JSON.stringify(byName)).not.toContain(clientSecret())
  })

  it('asks whose refresh token it is when a client secret needs the user name', async () => {
    const { refreshToken } = await signIn('alice', 'Sandbox-alice-1', CONFIDENTIAL)
    const { run, done } = start(core, {
      clientId: CONFIDENTIAL,
      clientSecret: clientSecret(),
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken,
    })
    const waiting = await waitForRun(core, run.id, (candidate) => candidate.status === 'waiting')
    const question = waiting.steps.at(-1)!
    expect(question).toMatchObject({
      kind: 'input',
      title: 'Name the user this refresh token belongs to',
    })
    expect(JSON.stringify(question.inputs.fields)).toContain('cognito:username')
    core.runs.provideInput(run.id, { username: 'alice' })

    const finished = await done
    expect(finished.status).toBe('succeeded')
    expect(finished.steps[1]!.title).toBe('Compute SECRET_HASH for alice')
  })

  it('says so when the pool rotates: a new refresh token is kept and the old one retired', async () => {
    const { refreshToken } = await signIn('alice', 'Sandbox-alice-1')
    // A pool with rotation on answers with a RefreshToken too; the sandbox's answer gets one.
    const rotated = 'rotated-refresh-token-from-the-pool-0123456789'
    const proxied = coreWithFetch(async (input, init) => {
      const response = await fetch(input, init)
      if (new Headers(init?.headers).get('x-amz-target')?.endsWith('.InitiateAuth') !== true) {
        return response
      }
      const body = (await response.json()) as { AuthenticationResult: Record<string, string> }
      body.AuthenticationResult.RefreshToken = rotated
      return new Response(JSON.stringify(body), { status: 200, headers: response.headers })
    })
    const run = await start(proxied, { authFlow: 'REFRESH_TOKEN_AUTH', refreshToken }).done

    expect(run.status).toBe('succeeded')
    expect(run.tokens.map((token) => token.name)).toEqual([
      'id_token',
      'access_token',
      'refresh_token',
    ])
    expect(proxied.runs.revealSecret(run.id, tokenSecretId(run, 'refresh_token')!)).toBe(rotated)
    const rotation = rotationOf(run)
    expect(rotation.outputs).toEqual({ rotated: true })
    expect(rotation.diagnostics[0]).toMatchObject({ code: 'OAUTH_REFRESH_TOKEN_ROTATED' })
    expect(rotation.diagnostics[0]!.hint).toBeUndefined()
  })
})
