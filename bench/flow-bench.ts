// Flow overhead: one authorization code + PKCE run through our engine (every step recorded,
// secrets redacted, the ID token's signature and claims checked) against a bare openid-client
// script, both signing alice in at the same sandbox provider through the same fetch-driven login.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../electron/core/create-core'
import { startOidcSandbox } from '../electron/core/sandbox/oidc/oidc-sandbox'
import { authorizationUrlOf } from '../test/helpers/run-events'
import { sandboxCodeFlow } from '../test/helpers/sign-in-run'
import { runBareCodeFlow } from './bare-code-flow'
import { median, round, sampleSideBySide } from './measure'
import { signInByFetch } from './sign-in-by-fetch'

const ROUNDS = 21
const WARMUP = 3
const CLIENT_ID = 'afx-native'
const SCOPE = 'openid profile email'
const ALICE = { username: 'alice', password: 'alice-password' }

export type FlowResult = {
  value: number
  goal: string
  oursMedianMs: number
  bareMedianMs: number
  rounds: number
}

/** flowOverheadRatio = median of our engine's runs / median of the bare script's runs. */
export async function benchFlowOverhead(): Promise<FlowResult> {
  const sandbox = await startOidcSandbox({ port: 0 })
  const dataDir = await mkdtemp(join(tmpdir(), 'afx-bench-flow-'))
  try {
    const core = createCore({
      face: 'cli',
      dataDir,
      canEncryptSecrets: () => false,
      openBrowser: () => {
        throw new Error('the benchmark signs in by fetch: flows start with browser "none"')
      },
    })
    const ours = async () => {
      const { run, done } = core.runs.start(
        sandboxCodeFlow(sandbox.issuer, { client: { clientId: CLIENT_ID, scope: SCOPE } }),
      )
      await signInByFetch(await authorizationUrlOf(core, run.id), ALICE)
      const finished = await done
      if (finished.status !== 'succeeded') {
        throw new Error(
          `our code flow ended ${finished.status}: ${finished.diagnostics[0]?.message}`,
        )
      }
    }
    const bare = () =>
      runBareCodeFlow({
        issuer: sandbox.issuer,
        clientId: CLIENT_ID,
        scope: SCOPE,
        signIn: (url) => signInByFetch(url, ALICE),
      })
    const samples = await sampleSideBySide({ rounds: ROUNDS, warmup: WARMUP, ours, peer: bare })
    const oursMs = median(samples.ours)
    const bareMs = median(samples.peer)
    return {
      value: round(oursMs / bareMs),
      goal: '<= 1.15',
      oursMedianMs: round(oursMs),
      bareMedianMs: round(bareMs),
      rounds: ROUNDS,
    }
  } finally {
    await sandbox.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
