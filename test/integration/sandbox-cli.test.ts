import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import type { CognitoSandboxDescription, OidcSandboxDescription } from '../../shared/sandbox-model'
import { runCliInProcess } from '../helpers/run-cli-in-process'

type Description = { oidc: OidcSandboxDescription; cognito: CognitoSandboxDescription }

const cognitoClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 1,
  })

async function expectNothingListening(url: string) {
  await expect(fetch(url)).rejects.toThrow(/fetch failed/)
}

describe('afx sandbox --json', () => {
  it('prints what a client needs, then each code the pool sends, and stops cleanly on Ctrl+C', async () => {
    const run = runCliInProcess(['sandbox', '--json', '--oidc-port', '0', '--cognito-port', '0'])
    const description = JSON.parse(await run.waitForLine(/^\{"oidc"/)) as Description
    expect(run.stdout[0]).toMatch(/^\{"oidc"/) // the description is the very first line

    const { oidc, cognito } = description
    expect(oidc.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const discovery = (await (
      await fetch(`${oidc.issuer}/.well-known/openid-configuration`)
    ).json()) as { issuer: string }
    expect(discovery.issuer).toBe(oidc.issuer)
    for (const client of oidc.clients) {
      expect(client).toMatchObject({
        client_id: expect.any(String),
        grant_types: expect.any(Array),
        redirect_uris: expect.any(Array),
        token_endpoint_auth_method: expect.any(String),
      })
    }
    expect(oidc.users.length).toBeGreaterThanOrEqual(3)
    expect(cognito).toMatchObject({ region: 'us-east-1', userPoolId: 'us-east-1_Sandbox01' })
    expect(cognito.issuer).toBe(`${cognito.endpoint}/us-east-1_Sandbox01`)

    // Signing in the SMS user sends a code: it must come out as one JSON line.
    const smsUser = cognito.users.find((user) => user.mfa === 'sms')!
    const client = cognito.clients.find(
      (candidate) =>
        candidate.explicitAuthFlows.includes('ALLOW_USER_PASSWORD_AUTH') && !candidate.clientSecret,
    )!
    const sdk = cognitoClient(cognito.endpoint)
    const started = await sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: client.clientId,
        AuthParameters: { USERNAME: smsUser.username, PASSWORD: smsUser.password },
      }),
    )
    expect(started.ChallengeName).toBe('SMS_MFA')
    const event = JSON.parse(await run.waitForLine(/"event":"message"/))
    expect(event).toMatchObject({
      event: 'message',
      channel: 'sms',
      username: smsUser.username,
      code: expect.stringMatching(/^\d{6}$/),
    })

    const signedIn = await sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: client.clientId,
        ChallengeName: 'SMS_MFA',
        Session: started.Session,
        ChallengeResponses: { USERNAME: smsUser.username, SMS_MFA_CODE: event.code },
      }),
    )
    const idToken = signedIn.AuthenticationResult?.IdToken ?? ''
    const jwks = createRemoteJWKSet(new URL(`${cognito.issuer}/.well-known/jwks.json`))
    const { payload } = await jwtVerify(idToken, jwks, {
      issuer: cognito.issuer,
      audience: client.clientId,
    })
    expect(payload).toMatchObject({ token_use: 'id', 'cognito:username': smsUser.username })

    run.interrupt()
    expect(await run.exitCode).toBe(0)
    await expectNothingListening(oidc.issuer)
    await expectNothingListening(cognito.endpoint)
  })

  it('never fails to start because its ports are taken: a second sandbox moves to free ports', async () => {
    const first = runCliInProcess(['sandbox', '--json'])
    const a = JSON.parse(await first.waitForLine(/^\{"oidc"/)) as Description
    const second = runCliInProcess(['sandbox', '--json'])
    const b = JSON.parse(await second.waitForLine(/^\{"oidc"/)) as Description

    expect(b.oidc.issuer).not.toBe(a.oidc.issuer)
    expect(b.cognito.endpoint).not.toBe(a.cognito.endpoint)
    for (const issuer of [a.oidc.issuer, b.oidc.issuer]) {
      expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200)
    }

    first.interrupt()
    second.interrupt()
    expect(await first.exitCode).toBe(0)
    expect(await second.exitCode).toBe(0)
    await expectNothingListening(a.oidc.issuer)
    await expectNothingListening(b.cognito.endpoint)
  })
})
