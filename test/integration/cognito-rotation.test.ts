// Refresh-token rotation as runs against the sandbox pool's rotating client: GetTokensFromRefreshToken
// gives a new refresh token and says to keep it; InitiateAuth's REFRESH_TOKEN_AUTH is refused with
// what to use instead; and a run from a profile that imported the client's settings warns before
// it sends anything, because the linter reads the same settings Cognito enforces.
import { describe, expect, it } from 'vitest'
import { dispatchCall } from '../../electron/core/dispatch-call'
import type { CognitoClientSettings } from '../../shared/cognito-app-client'
import type { CognitoFlowInput } from '../../shared/cognito-flow-input'
import type { Run } from '../../shared/run-model'
import { tokenSecretId } from '../../shared/run-token-secret'
import { PUBLIC_WEB, ROTATING, useCognitoSandboxCore } from '../helpers/cognito-sandbox'

const cognito = useCognitoSandboxCore()
const { core, where } = cognito

const start = (input: Partial<CognitoFlowInput> & Pick<CognitoFlowInput, 'authFlow'>) =>
  core.runs.start({ flow: 'cognito', ...where(), clientId: ROTATING, mode: 'auto', ...input }).done

const reveal = (run: Run, name: string) => core.runs.revealSecret(run.id, tokenSecretId(run, name)!)

const signIn = async () => {
  const run = await start({
    username: 'alice',
    password: 'Sandbox-alice-1',
    authFlow: 'USER_SRP_AUTH',
  })
  expect(run.status).toBe('succeeded')
  return reveal(run, 'refresh_token')
}

const diagnosticsOf = (run: Run) => run.steps.flatMap((step) => step.diagnostics)

describe('GetTokensFromRefreshToken', () => {
  it('rotates the refresh token, says to keep the new one, and verifies the new tokens', async () => {
    const refreshToken = await signIn()
    const run = await start({
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken,
      refreshWith: 'GetTokensFromRefreshToken',
    })

    expect(run.status).toBe('succeeded')
    expect(run.title).toBe(`Cognito refresh (GetTokensFromRefreshToken, ${ROTATING})`)
    const call = run.steps[0]!
    expect(call.title).toMatch(/^GetTokensFromRefreshToken/)
    expect(JSON.parse(call.exchange!.request.body!)).toEqual({
      RefreshToken: expect.stringMatching(/^«secret:s\d+:refresh_token»$/),
      ClientId: ROTATING,
    })
    const rotation = run.steps.at(-1)!
    expect(rotation.outputs).toEqual({ rotated: true })
    expect(rotation.diagnostics[0]).toMatchObject({
      code: 'OAUTH_REFRESH_TOKEN_ROTATED',
      hint: expect.stringContaining('retry grace period'),
    })
    expect(reveal(run, 'refresh_token')).not.toBe(refreshToken)
    expect(
      run.steps.filter((step) => step.kind === 'check').every((s) => s.status === 'done'),
    ).toBe(true)
  })

  it('says a non-rotating client keeps its refresh token', async () => {
    const first = await start({
      clientId: PUBLIC_WEB,
      username: 'alice',
      password: 'Sandbox-alice-1',
      authFlow: 'USER_SRP_AUTH',
    })
    const run = await start({
      clientId: PUBLIC_WEB,
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken: reveal(first, 'refresh_token'),
      refreshWith: 'GetTokensFromRefreshToken',
    })
    expect(run.status).toBe('succeeded')
    expect(run.steps.at(-1)!.diagnostics[0]!.hint).toMatch(/does not rotate refresh tokens/)
  })
})

describe('REFRESH_TOKEN_AUTH on a rotating client', () => {
  it('is refused, and the run says to refresh with GetTokensFromRefreshToken', async () => {
    const run = await start({ authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: await signIn() })
    expect(run.status).toBe('failed')
    const refusal = diagnosticsOf(run).find((d) => d.severity === 'error')!
    expect(refusal.message).toMatch(/refresh token rotation/)
    expect(refusal.hint).toContain('GetTokensFromRefreshToken')
  })
})

describe('a run from a profile with imported settings', () => {
  it('warns before InitiateAuth that this client refuses REFRESH_TOKEN_AUTH', async () => {
    const imported = await dispatchCall(core.impl, 'cognito.describeClient', {
      ...where(),
      clientId: ROTATING,
    })
    const cognitoSettings = (imported as { value: CognitoClientSettings }).value
    core.workspace.saveProfile({
      name: 'rotating pool',
      preset: 'cognito',
      provider: { kind: 'cognito', ...where() },
      clients: [{ clientId: ROTATING, cognitoSettings }],
    })
    const refreshToken = await signIn()

    const refused = await start({
      profile: 'rotating pool',
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken,
    })
    const lint = refused.steps[0]!
    expect(lint.title).toBe("Check the app client's settings (as imported) for this flow")
    expect(lint.status).toBe('done')
    expect(lint.diagnostics[0]).toMatchObject({
      code: 'COGNITO_CLIENT_REFRESH_NEEDS_ROTATION_API',
      severity: 'warning',
    })
    expect(refused.status).toBe('failed')

    const allowed = await start({
      profile: 'rotating pool',
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken,
      refreshWith: 'GetTokensFromRefreshToken',
    })
    expect(allowed.steps[0]!.diagnostics).toEqual([
      expect.objectContaining({ code: 'COGNITO_CLIENT_SETTINGS_OK', severity: 'info' }),
    ])
    expect(allowed.status).toBe('succeeded')
  })
})
