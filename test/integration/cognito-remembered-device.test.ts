// Remembered devices against the sandbox pool, proven with AWS's own client: amazon-cognito-
// identity-js confirms and remembers a device and then signs in without MFA (so the pool speaks
// the real protocol), our engine does the same, each uses the device the other remembered, and a
// wrong device password or a forgotten device ends the way a person can act on.
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type ICognitoStorage,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js'
import { ForgetDeviceCommand } from '@aws-sdk/client-cognito-identity-provider'
import { Secret, TOTP } from 'otpauth'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CognitoFlowInput, CognitoRememberedDevice } from '../../shared/cognito-flow-input'
import type { Run, Step } from '../../shared/run-model'
import {
  PUBLIC_ALL,
  PUBLIC_WEB,
  sandboxPassword,
  sandboxSdk,
  useCognitoSandboxCore,
} from '../helpers/cognito-sandbox'

const cognito = useCognitoSandboxCore()
const { core, events } = cognito
let sdk: ReturnType<typeof sandboxSdk>
beforeAll(() => {
  sdk = sandboxSdk(cognito.sandbox)
})
afterAll(() => sdk.destroy())

/** tom: TOTP MFA, with the authenticator secret the sandbox publishes. */
const totpSecretOf = (name: string) =>
  cognito.sandbox.description.users.find((u) => u.username === name)?.totpSecret ?? ''
const totpNow = (name: string) =>
  new TOTP({ secret: Secret.fromBase32(totpSecretOf(name)) }).generate()

// --- amazon-cognito-identity-js ---

type AcijStorage = ICognitoStorage & { items: Map<string, string> }

/** Where acij keeps what it knows (tokens, the device) between sign-ins: here, a Map to read. */
function memoryStorage(): AcijStorage {
  const items = new Map<string, string>()
  return {
    items,
    setItem: (key, value) => void items.set(key, String(value)),
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  }
}

const deviceEntry = (name: 'deviceKey' | 'deviceGroupKey' | 'randomPasswordKey') =>
  `CognitoIdentityServiceProvider.${PUBLIC_WEB}.tom.${name}`

/** The device acij keeps for tom, as our engine takes it. */
function acijDevice(storage: AcijStorage): CognitoRememberedDevice {
  return {
    deviceKey: storage.items.get(deviceEntry('deviceKey')) ?? '',
    deviceGroupKey: storage.items.get(deviceEntry('deviceGroupKey')) ?? '',
    devicePassword: storage.items.get(deviceEntry('randomPasswordKey')) ?? '',
  }
}

type AcijSignIn = {
  user: CognitoUser
  /** The MFA challenges acij was asked to answer. */
  mfa: string[]
  accessToken: string
  userConfirmationNecessary: boolean | undefined
}

/** tom signs in with acij by SRP, answering TOTP MFA if asked; acij confirms any new device. */
function acijSignIn(storage: AcijStorage): Promise<AcijSignIn> {
  const pool = new CognitoUserPool({
    UserPoolId: cognito.sandbox.description.userPoolId,
    ClientId: PUBLIC_WEB,
    endpoint: `${cognito.sandbox.endpoint}/`,
    Storage: storage,
  })
  const user = new CognitoUser({ Username: 'tom', Pool: pool, Storage: storage })
  const mfa: string[] = []
  return new Promise((resolve, reject) => {
    const callbacks: IAuthenticationCallback = {
      onSuccess: (session, userConfirmationNecessary) =>
        resolve({
          user,
          mfa,
          accessToken: session.getAccessToken().getJwtToken(),
          userConfirmationNecessary,
        }),
      onFailure: reject,
      totpRequired: (challenge) => {
        mfa.push(challenge)
        user.sendMFACode(totpNow('tom'), callbacks, 'SOFTWARE_TOKEN_MFA')
      },
      mfaRequired: (challenge) => reject(new Error(`unexpected ${challenge}`)),
    }
    user.authenticateUser(
      new AuthenticationDetails({ Username: 'tom', Password: sandboxPassword('tom') }),
      callbacks,
    )
  })
}

function acijRemember(user: CognitoUser): Promise<void> {
  return new Promise((resolve, reject) =>
    user.setDeviceStatusRemembered({ onSuccess: () => resolve(), onFailure: reject }),
  )
}

/** acij signs tom in with MFA, confirms the new device and remembers it. */
async function acijRemembersADevice(): Promise<AcijStorage> {
  const storage = memoryStorage()
  const first = await acijSignIn(storage)
  expect(first.mfa).toEqual(['SOFTWARE_TOKEN_MFA'])
  // "User opt-in": ConfirmDevice answers that the user must be asked.
  expect(first.userConfirmationNecessary).toBe(true)
  await acijRemember(first.user)
  return storage
}

// --- Our engine ---

const signIn = (overrides: Partial<CognitoFlowInput> = {}) =>
  core.runs.start({
    flow: 'cognito',
    ...cognito.where(),
    clientId: PUBLIC_WEB,
    username: 'tom',
    password: sandboxPassword('tom'),
    authFlow: 'USER_SRP_AUTH',
    // Given so that an MFA challenge would be answered, not waited on: the steps tell if it came.
    totpSecret: totpSecretOf('tom'),
    mode: 'auto',
    ...overrides,
  }).done

const titles = (run: Run) => run.steps.map((step) => `${step.kind}: ${step.title}`)
const stepTitled = (run: Run, title: string): Step => {
  const step = run.steps.find((candidate) => candidate.title === title)
  if (step === undefined) throw new Error(`no step "${title}" in ${titles(run).join('; ')}`)
  return step
}
const askedMfa = (run: Run) => run.steps.some((step) => step.title.includes('SOFTWARE_TOKEN_MFA'))

/** The clear value behind a «secret:<id>:<label>» marker. */
function reveal(runId: string, marker: unknown): string {
  const id = /«secret:(s\d+):/.exec(String(marker))?.[1]
  if (id === undefined) throw new Error(`not a secret marker: ${String(marker)}`)
  return core.runs.revealSecret(runId, id)
}

const KEEP = 'Keep these to sign in from this device again'

/** Our engine signs tom in with MFA, confirms and remembers the device; returns what to keep. */
async function engineRemembersADevice(): Promise<{ run: Run; device: CognitoRememberedDevice }> {
  const run = await signIn({ rememberDevice: true })
  expect(run.status).toBe('succeeded')
  const kept = stepTitled(run, KEEP).outputs
  return {
    run,
    device: {
      deviceKey: String(kept.deviceKey),
      deviceGroupKey: String(kept.deviceGroupKey),
      devicePassword: reveal(run.id, kept.devicePassword),
    },
  }
}

const DEVICE_PROOF = [
  "compute: Make the device's SRP a and A",
  'http: RespondToAuthChallenge (DEVICE_SRP_AUTH): the device key and its SRP_A',
  "compute: Compute the device's password claim",
  "http: RespondToAuthChallenge (DEVICE_PASSWORD_VERIFIER): the device's signed claim",
]

async function expectTokensOfTom(accessToken: string): Promise<void> {
  const { issuer, jwksUri } = cognito.sandbox.description
  const { payload } = await jwtVerify(accessToken, createRemoteJWKSet(new URL(jwksUri)), { issuer })
  expect(payload).toMatchObject({ username: 'tom', token_use: 'access', client_id: PUBLIC_WEB })
}

describe('the sandbox pool tracks devices ("User opt-in")', () => {
  it('says so in its description', () => {
    expect(cognito.sandbox.description.deviceTracking).toMatchObject({
      challengeRequiredOnNewDevice: true,
      deviceOnlyRememberedOnUserPrompt: true,
      label: expect.stringMatching(/^User opt-in/),
    })
  })

  it("(a) acij confirms and remembers tom's device, then signs in from it without MFA", async () => {
    const storage = await acijRemembersADevice()
    const device = acijDevice(storage)
    expect(device.deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/)

    const second = await acijSignIn(storage)

    // No TOTP asked: the device proved itself (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER) instead,
    // and no new device came with the tokens.
    expect(second.mfa).toEqual([])
    expect(acijDevice(storage)).toEqual(device)
    await expectTokensOfTom(second.accessToken)
  })
})

describe('our engine with remembered devices', () => {
  it('(b) confirms and remembers the device, and a second run with it skips MFA', async () => {
    const { run: first, device } = await engineRemembersADevice()

    expect(askedMfa(first)).toBe(true)
    expect(titles(first).slice(-4)).toEqual([
      'compute: Make a device password and its verifier',
      'http: ConfirmDevice: register this device with its verifier',
      'http: UpdateDeviceStatus: remember this device',
      `check: ${KEEP}`,
    ])
    const keep = stepTitled(first, KEEP)
    expect(keep.outputs).toMatchObject({ remembered: true })
    expect(keep.diagnostics[0]).toMatchObject({
      severity: 'info',
      message: expect.stringMatching(/^Keep these/),
    })
    expect(Buffer.from(device.devicePassword, 'base64')).toHaveLength(40)

    const second = await signIn({ device })

    expect(second.status).toBe('succeeded')
    expect(askedMfa(second)).toBe(false)
    expect(titles(second)).toEqual(expect.arrayContaining(DEVICE_PROOF))
    const initiate = stepTitled(
      second,
      'InitiateAuth (USER_SRP_AUTH): the user name and SRP_A, no password',
    )
    expect(JSON.parse(initiate.exchange?.request.body ?? '{}').AuthParameters.DEVICE_KEY).toBe(
      device.deviceKey,
    )
    // Signed in from a known device: nothing new to confirm or keep.
    expect(titles(second)).not.toContain(`check: ${KEEP}`)
    const checks = second.steps.filter((step) => step.kind === 'check')
    expect(checks.map((step) => [step.title, step.status, step.outputs.signature])).toEqual([
      ['Verify the ID token: signature and every claim', 'done', 'valid'],
      ['Verify the access token: signature and every claim', 'done', 'valid'],
    ])
    // The device password is a secret: no trace of it in either run, in the input the second
    // run keeps for exports and replay, or in any event.
    for (const run of [first, second])
      expect(JSON.stringify(run)).not.toContain(device.devicePassword)
    const kept = core.runs.record(second.id).input
    expect(kept?.device).toMatchObject({
      deviceKey: device.deviceKey,
      devicePassword: expect.stringMatching(/^«secret:s\d+:device_password»$/),
    })
    for (const event of events) expect(event).not.toContain(device.devicePassword)
  })

  it('also stands in for MFA after USER_PASSWORD_AUTH, and rides along on a refresh', async () => {
    const { run: first, device } = await engineRemembersADevice()

    const byPassword = await signIn({
      device,
      clientId: PUBLIC_ALL,
      authFlow: 'USER_PASSWORD_AUTH',
    })
    expect(byPassword.status).toBe('succeeded')
    expect(askedMfa(byPassword)).toBe(false)
    expect(titles(byPassword)).toEqual(expect.arrayContaining(DEVICE_PROOF))

    const refreshToken = reveal(
      first.id,
      first.tokens.find((t) => t.name === 'refresh_token')?.value,
    )
    const refreshed = await signIn({
      device,
      authFlow: 'REFRESH_TOKEN_AUTH',
      refreshToken,
      password: undefined,
    })
    expect(refreshed.status).toBe('succeeded')
  })

  it('only notes the new device key when not asked to remember the device', async () => {
    const run = await signIn()

    expect(run.status).toBe('succeeded')
    expect(titles(run)).not.toContain('http: ConfirmDevice: register this device with its verifier')
    const answer = stepTitled(run, 'RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code')
    expect(answer.diagnostics).toEqual([
      expect.objectContaining({ code: 'COGNITO_NEW_DEVICE', severity: 'info' }),
    ])
  })

  it('(c) signs in with the device acij remembered, and acij with the one our engine remembered', async () => {
    const storage = await acijRemembersADevice()

    const ours = await signIn({ device: acijDevice(storage) })

    expect(ours.status).toBe('succeeded')
    expect(askedMfa(ours)).toBe(false)
    expect(titles(ours)).toEqual(expect.arrayContaining(DEVICE_PROOF))

    const { device } = await engineRemembersADevice()
    const theirs = memoryStorage()
    theirs.setItem(deviceEntry('deviceKey'), device.deviceKey)
    theirs.setItem(deviceEntry('deviceGroupKey'), device.deviceGroupKey)
    theirs.setItem(deviceEntry('randomPasswordKey'), device.devicePassword)
    const acijRun = await acijSignIn(theirs)
    expect(acijRun.mfa).toEqual([])
    await expectTokensOfTom(acijRun.accessToken)
  })

  it('(d) ends a run whose device password is wrong with what that means', async () => {
    const { device } = await engineRemembersADevice()

    const run = await signIn({ device: { ...device, devicePassword: 'not-the-device-password' } })

    expect(run.status).toBe('failed')
    expect(run.diagnostics).toEqual([
      expect.objectContaining({
        code: 'COGNITO_DEVICE_PROOF_REJECTED',
        message: expect.stringContaining('"Incorrect username or password."'),
        hint: expect.stringMatching(/device key, device group key and device password/),
      }),
    ])
    const last = run.steps.at(-1)!
    expect(last.title).toBe(DEVICE_PROOF[3]?.slice('http: '.length))
    expect(last.status).toBe('failed')
    expect(JSON.stringify(run)).not.toContain('not-the-device-password')
  })

  it('(e) falls back to MFA with a forgotten device, as acij does', async () => {
    const { run: first, device } = await engineRemembersADevice()
    const accessToken = reveal(first.id, first.tokens.find((t) => t.name === 'access_token')?.value)
    await sdk.send(
      new ForgetDeviceCommand({ AccessToken: accessToken, DeviceKey: device.deviceKey }),
    )

    const run = await signIn({ device })

    expect(run.status).toBe('succeeded')
    const forgotten = stepTitled(run, 'Cognito no longer knows this device: sign in without it')
    expect(forgotten.diagnostics[0]).toMatchObject({
      code: 'COGNITO_DEVICE_FORGOTTEN',
      severity: 'warning',
      message: expect.stringContaining('"Device does not exist."'),
    })
    expect(askedMfa(run)).toBe(true)
    expect(titles(run)).not.toEqual(expect.arrayContaining([DEVICE_PROOF[1]]))
    // Without the device, the tokens announce a new one.
    const answer = stepTitled(run, 'RespondToAuthChallenge (SOFTWARE_TOKEN_MFA): the code')
    expect(answer.diagnostics).toEqual([expect.objectContaining({ code: 'COGNITO_NEW_DEVICE' })])

    // acij, still holding the forgotten device, is told so, retries without it and gets MFA.
    const storage = memoryStorage()
    storage.setItem(deviceEntry('deviceKey'), device.deviceKey)
    storage.setItem(deviceEntry('deviceGroupKey'), device.deviceGroupKey)
    storage.setItem(deviceEntry('randomPasswordKey'), device.devicePassword)
    const acijRun = await acijSignIn(storage)
    expect(acijRun.mfa).toEqual(['SOFTWARE_TOKEN_MFA'])
    expect(acijDevice(storage).deviceKey).not.toBe(device.deviceKey)
  })
})
