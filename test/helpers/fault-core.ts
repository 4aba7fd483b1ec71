// An engine for fault tests, built as create-core.ts builds it but with a short HTTP timeout, so a
// stalled provider fails a test in seconds instead of the production 30.
import { EventBus } from '../../electron/core/event-bus'
import { LoopbackListener } from '../../electron/core/loopback/loopback-listener'
import { RunService } from '../../electron/core/runs/run-service'

export type FaultCore = { events: EventBus; runs: RunService }

/** The limits create-core.ts uses, except the timeout. */
export const FAULT_LIMITS = { httpTimeoutMs: 2_000, maxResponseBytes: 1_000_000 }

export function createFaultCore(limits: Partial<typeof FAULT_LIMITS> = {}): FaultCore {
  const events = new EventBus()
  const runs = new RunService({
    events,
    deps: {
      fetch,
      openBrowser: () => {
        throw new Error(
          'fault tests drive the callback themselves: start flows with browser "none"',
        )
      },
      openLoopback: (loopback) => LoopbackListener.open(loopback),
      ...FAULT_LIMITS,
      ...limits,
    },
  })
  return { events, runs }
}

/**
 * A code flow against a fault provider as the fault tests start it: the canary client, PKCE, a
 * loopback listener on a free port, no browser (the test answers the callback), a short wait.
 */
export function faultCodeFlowInput(issuer: string, clientId: string) {
  return {
    flow: 'code',
    provider: { issuer },
    client: { clientId },
    mode: 'auto',
    pkce: 'S256',
    responseMode: 'query',
    redirect: { host: '127.0.0.1', port: 0, path: '/callback' },
    browser: 'none',
    callbackTimeoutMs: 4_000,
  } as const
}
