// Where a secret could leave the engine besides the screen (reference/security.md §7.12 #157–#158,
// §7.10 #146–#147): the exports of a Cognito sign-in, the run.updated events of a code flow, the
// wire error and the log line of an unexpected failure. Each is searched for every secret the run
// handled, read back from the run itself, so a value the engine forgot to mark would show.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { dispatchCall } from '../../electron/core/dispatch-call'
import { EventBus } from '../../electron/core/event-bus'
import { LoopbackListener } from '../../electron/core/loopback/loopback-listener'
import { RunService } from '../../electron/core/runs/run-service'
import type { ContractImpl } from '../../shared/contract'
import { SECRET_MARKER, type Run } from '../../shared/run-model'
import {
  startHostileProvider,
  type HostileProvider,
} from '../fixtures/hostile-provider/hostile-provider'
import {
  answerQuestion,
  CONFIDENTIAL,
  sandboxPassword,
  useCognitoSandboxCore,
} from '../helpers/cognito-sandbox'
import { CANARY, expectPlainWords } from '../helpers/fault-oracle'
import { hostileCodeFlow, runHostileCodeFlow } from '../helpers/hostile-code-flow'
import { Secret, TOTP } from 'otpauth'

const cognito = useCognitoSandboxCore()
const { core, events } = cognito

/** Every secret marker in the run and its recorded input, revealed: label → values. */
function revealEverySecret(run: Run): Map<string, string[]> {
  const { input } = core.runs.record(run.id)
  const byLabel = new Map<string, string[]>()
  for (const [, id = '', label = ''] of JSON.stringify([run, input]).matchAll(SECRET_MARKER)) {
    const value = core.runs.revealSecret(run.id, id)
    byLabel.set(label, [...new Set([...(byLabel.get(label) ?? []), value])])
  }
  return byLabel
}

/** The three files a person can save, through the contract method every face calls. */
async function exportsOf(run: Run): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const format of ['curl', 'har', 'json'] as const) {
    const file = await core.impl['runs.export']({ runId: run.id, format })
    files[format] = file.content
  }
  return files
}

/**
 * No value, as is, URL-encoded or JSON-escaped, in any file; no JWT in clear either. A six-digit
 * code is not searched for (any timestamp or size could hold its digits): its field is asserted
 * to be a marker instead.
 */
function expectNoneIn(files: Record<string, string>, values: string[]): void {
  const searchable = values.filter((value) => value.length >= 8 && !/^\d+$/.test(value))
  for (const [format, content] of Object.entries(files)) {
    for (const value of searchable) {
      for (const spelling of new Set([value, encodeURIComponent(value), JSON.stringify(value)])) {
        expect(content.includes(spelling), `${format} holds a secret (${value.length} chars)`).toBe(
          false,
        )
      }
    }
    expect(content, `${format} holds a JWT`).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/)
  }
}

/** The JSON bodies a run recorded, request and response, parsed. */
const bodiesOf = (run: Run) =>
  run.steps.flatMap((step) =>
    [step.exchange?.request.body, step.exchange?.response?.body]
      .filter((body): body is string => typeof body === 'string' && body.startsWith('{'))
      .map((body) => JSON.parse(body) as Record<string, unknown>),
  )

const isMarker = (value: unknown) =>
  typeof value === 'string' && /^«secret:s\d+:[^»]+»$/.test(value)

describe('the exports of a Cognito sign-in (§7.12)', () => {
  it('#157 SRP with a client secret and TOTP: AuthParameters, ChallengeResponses, Session and AuthenticationResult are markers, and no export holds a secret', async () => {
    const tom = cognito.sandbox.description.users.find((user) => user.username === 'tom')!
    const { run: started, done } = core.runs.start({
      flow: 'cognito',
      ...cognito.where(),
      clientId: CONFIDENTIAL,
      clientSecret: cognito.clientSecret(),
      username: 'tom',
      password: sandboxPassword('tom'),
      authFlow: 'USER_SRP_AUTH',
      mode: 'auto',
    })
    await answerQuestion(core, started.id, { title: /SOFTWARE_TOKEN_MFA code/ }, () => ({
      code: new TOTP({ secret: Secret.fromBase32(tom.totpSecret!) }).generate(),
    }))
    const run = await done
    expect(run.status).toBe('succeeded')

    const bodies = bodiesOf(run)
    const fields = (key: string) =>
      bodies.flatMap((body) => Object.entries((body[key] ?? {}) as Record<string, unknown>))
    // SRP_A is the public g^a, shown on purpose; what proves or derives from the password is not.
    const authParameters = fields('AuthParameters')
    expect(authParameters.map(([name]) => name)).toContain('SECRET_HASH')
    for (const [name, value] of authParameters) {
      if (['SECRET_HASH', 'PASSWORD'].includes(name)) expect(isMarker(value), name).toBe(true)
    }
    const responses = fields('ChallengeResponses')
    expect(responses.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'PASSWORD_CLAIM_SIGNATURE',
        'SOFTWARE_TOKEN_MFA_CODE',
        'SECRET_HASH',
      ]),
    )
    for (const [name, value] of responses) {
      if (name.endsWith('_CODE') || name === 'PASSWORD_CLAIM_SIGNATURE' || name === 'SECRET_HASH')
        expect(isMarker(value), name).toBe(true)
    }
    const sessions = bodies.map((body) => body.Session).filter((s) => s !== undefined)
    expect(sessions.length).toBeGreaterThan(0)
    for (const session of sessions) expect(isMarker(session)).toBe(true)
    const result = fields('AuthenticationResult').filter(([name]) => name.endsWith('Token'))
    expect(result.map(([name]) => name).sort()).toEqual(['AccessToken', 'IdToken', 'RefreshToken'])
    for (const [name, value] of result) expect(isMarker(value), name).toBe(true)

    const secrets = revealEverySecret(run)
    const planted = [
      sandboxPassword('tom'),
      cognito.clientSecret(),
      ...[...secrets.values()].flat(),
    ]
    expectNoneIn(await exportsOf(run), planted)
  })

  it('#157 MFA_SETUP: the SecretCode and the otpauth:// URI are in no export', async () => {
    const { run: started, done } = core.runs.start({
      flow: 'cognito',
      ...cognito.where(),
      clientId: CONFIDENTIAL,
      clientSecret: cognito.clientSecret(),
      username: 'mia',
      password: sandboxPassword('mia'),
      authFlow: 'USER_SRP_AUTH',
      mode: 'auto',
    })
    let secretCode = ''
    await answerQuestion(core, started.id, { title: /first code of the authenticator/ }, () => {
      const enrolment = core.runs
        .get(started.id)
        .steps.find((step) => step.title.includes('otpauth://'))!
      const id = /«secret:(s\d+):/.exec(String(enrolment.outputs.SecretCode))![1]!
      secretCode = core.runs.revealSecret(started.id, id)
      return { code: new TOTP({ secret: Secret.fromBase32(secretCode) }).generate() }
    })
    const run = await done
    expect(run.status).toBe('succeeded')
    expect(secretCode).toMatch(/^[A-Z2-7]{16,}=*$/)

    const files = await exportsOf(run)
    expectNoneIn(files, [secretCode, ...[...revealEverySecret(run).values()].flat()])
    for (const content of Object.values(files)) expect(content).not.toContain('otpauth://totp/')
    for (const event of events) expect(event).not.toContain(secretCode)
  })
})

describe('run.updated events of an OAuth code flow (§7.10)', () => {
  let provider: HostileProvider
  beforeAll(async () => {
    provider = await startHostileProvider()
  })
  afterAll(() => provider.close())

  it('#147 no code, access token or ID token the provider issued is in any event, yet each can be revealed', async () => {
    const seen: string[] = []
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event === 'run.updated') seen.push(JSON.stringify(payload))
    })
    try {
      const run = await runHostileCodeFlow(core, hostileCodeFlow(provider))
      expect(run.status).toBe('succeeded')
      const ours = seen.filter((event) => event.includes(run.id))
      expect(ours.length).toBeGreaterThan(1)
      expect(provider.issued.length).toBeGreaterThanOrEqual(3)
      for (const value of provider.issued)
        for (const event of ours) expect(event).not.toContain(value)
      // The values are there to reveal on an explicit call: the search above could find them.
      const revealed = [...revealEverySecret(run).values()].flat()
      expect(provider.issued.filter((value) => revealed.includes(value)).length).toBeGreaterThan(0)
    } finally {
      unsubscribe()
    }
  })
})

describe('an unexpected failure, in the wire error and the log (§7.10 #146, §7.12 #158)', () => {
  const logged: string[] = []
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
  })
  afterEach(() => {
    logged.length = 0
  })
  afterAll(() => {
    vi.restoreAllMocks()
  })

  it('#146 #158 an error quoting a secret, thrown inside a method: a generic wire error, and a log line without the message', async () => {
    const throwing = {
      ...core.impl,
      'app.info': async () => {
        throw new Error(`upstream said client_secret=${CANARY.clientSecret}`)
      },
    } as ContractImpl
    const result = await dispatchCall(throwing, 'app.info', {})

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INTERNAL_ERROR')
    expectPlainWords(JSON.stringify(result.error))
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^\[afx\] app\.info failed: Error/)
    expectPlainWords(logged[0]!.replace(/\n\s+at .*/g, '')) // frames are for the log; the canary is not
    for (const line of logged) expect(line).not.toContain(CANARY.clientSecret)
  })

  it('#158 a network layer that throws a secret: the run says what failed in words, and nothing quoting it is logged', async () => {
    const runs = new RunService({
      events: new EventBus(),
      deps: {
        fetch: async () => {
          throw new Error(`proxy refused Authorization: Basic ${CANARY.clientSecret}`)
        },
        openBrowser: () => {},
        openLoopback: (options) => LoopbackListener.open(options),
        httpTimeoutMs: 2_000,
        maxResponseBytes: 1_000_000,
      },
    })
    const run = await runs.start({
      flow: 'client_credentials',
      provider: { issuer: 'http://127.0.0.1:9' },
      client: { clientId: CANARY.clientId, clientSecret: CANARY.clientSecret },
      mode: 'auto',
    }).done

    expect(run.status).toBe('failed')
    expect(run.diagnostics[0]).toMatchObject({
      code: 'HTTP_FAILED',
      message: 'The request failed before any answer came.',
    })
    expectPlainWords(JSON.stringify(run))
    for (const line of logged) expect(line).not.toContain(CANARY.clientSecret)
  })
})
