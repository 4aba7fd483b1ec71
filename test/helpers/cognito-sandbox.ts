// The set-up every Cognito integration test repeated: the sandbox user pool started for the file
// (with a real engine, or with the AWS SDK v3 alone for the tests that prove the protocol), its
// demo clients, their secrets and the codes its outbox "sent".
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, beforeAll, expect } from 'vitest'
import {
  startCognitoSandbox,
  type CognitoSandbox,
  type CognitoSandboxOptions,
} from '../../electron/core/sandbox/cognito/cognito-pool-server'
import type { Core } from '../../electron/core/create-core'
import type { InputField, InputValues, Step } from '../../shared/run-model'
import { waitForRun } from './run-events'
import { testCore } from './test-impl'

/** The sandbox's demo app clients. */
export const PUBLIC_WEB = 'afxsandboxpublicweb0000001' // SRP, refresh, custom; no USER_AUTH
export const PUBLIC_ALL = 'afxsandboxpublicall0000002' // + USER_PASSWORD_AUTH, USER_AUTH
export const CONFIDENTIAL = 'afxsandboxconfidential0003' // as PUBLIC_ALL, with a client secret
export const ROTATING = 'afxsandboxrotating00000004' // SRP, password, refresh; rotates refresh tokens

/** A demo user's password. */
export const sandboxPassword = (user: string) => `Sandbox-${user}-1`

/** Starts the pool in beforeAll; `sandbox()` reaches it from then on. */
function useSandbox(options: CognitoSandboxOptions) {
  let started: CognitoSandbox | undefined
  beforeAll(async () => {
    started = await startCognitoSandbox({ port: 0, ...options })
  })
  const sandbox = (): CognitoSandbox => {
    if (started === undefined) throw new Error('the Cognito sandbox starts in beforeAll')
    return started
  }
  return {
    sandbox,
    close: () => started?.close(),
    clientSecret: (clientId = CONFIDENTIAL) =>
      sandbox().description.clients.find((c) => c.clientId === clientId)?.clientSecret ?? '',
    /** The latest code the outbox holds for this user and purpose. */
    lastCode: (username: string, purpose: string) => {
      const sent = sandbox().outbox.filter((m) => m.username === username && m.purpose === purpose)
      const code = sent.at(-1)?.code
      if (code === undefined) throw new Error(`no ${purpose} code sent to ${username}`)
      return code
    },
  }
}

/**
 * A real engine and the sandbox pool for this test file, with every run.updated payload kept as
 * JSON (what any face could ever have seen).
 */
export function useCognitoSandboxCore() {
  const { sandbox, close, ...pool } = useSandbox({})
  const core = testCore()
  const events: string[] = []
  beforeAll(() => {
    core.events.subscribe((event, payload) => {
      if (event === 'run.updated') events.push(JSON.stringify(payload))
    })
  })
  afterAll(() => close())
  return {
    ...pool,
    get sandbox() {
      return sandbox()
    },
    core,
    events,
    /** Where the pool is, as a Cognito flow input says it. */
    where: () => ({
      region: sandbox().description.region,
      userPoolId: sandbox().description.userPoolId,
      endpoint: sandbox().endpoint,
    }),
    answer: (
      runId: string,
      expected: { title: RegExp; label?: RegExp },
      values: (step: Step) => InputValues,
    ) => answerQuestion(core, runId, expected, values),
  }
}

/** Waits for the run to ask, checks what it asks, and answers. Returns the question's step. */
export async function answerQuestion(
  core: Pick<Core, 'events' | 'runs'>,
  runId: string,
  expected: { title: RegExp; label?: RegExp },
  values: (step: Step) => InputValues,
): Promise<Step> {
  const run = await waitForRun(core, runId, (candidate) => candidate.status === 'waiting')
  const step = run.steps.at(-1)!
  expect(step.kind).toBe('input')
  expect(step.title).toMatch(expected.title)
  const fields = step.inputs.fields as InputField[]
  if (expected.label) expect(fields[0]?.label).toMatch(expected.label)
  core.runs.provideInput(runId, values(step))
  return step
}

/** An AWS SDK v3 client of the sandbox pool, nothing of the engine in between. */
export const sandboxSdk = (sandbox: CognitoSandbox) =>
  new CognitoIdentityProviderClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
  })

/** The sandbox pool for this test file and an AWS SDK v3 client of it. */
export function useCognitoSandboxSdk(options: CognitoSandboxOptions = {}) {
  const { sandbox, close, ...pool } = useSandbox(options)
  let client: CognitoIdentityProviderClient | undefined
  beforeAll(() => {
    client = sandboxSdk(sandbox())
  })
  afterAll(async () => {
    client?.destroy()
    await close()
  })
  return {
    ...pool,
    get sandbox() {
      return sandbox()
    },
    get sdk() {
      if (client === undefined) throw new Error('the SDK client is made in beforeAll')
      return client
    },
  }
}

/** Signs a user up through PUBLIC_ALL and confirms them with the code the outbox holds. */
export async function signUpAndConfirm(
  sdk: CognitoIdentityProviderClient,
  sandbox: CognitoSandbox,
  username: string,
  password: string,
): Promise<void> {
  await sdk.send(
    new SignUpCommand({
      ClientId: PUBLIC_ALL,
      Username: username,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  )
  const code = sandbox.outbox.filter((m) => m.username === username && m.purpose === 'SIGN_UP')
  await sdk.send(
    new ConfirmSignUpCommand({
      ClientId: PUBLIC_ALL,
      Username: username,
      ConfirmationCode: code.at(-1)?.code ?? '',
    }),
  )
}
