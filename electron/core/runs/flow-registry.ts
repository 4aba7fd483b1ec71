// Every flow the engine can run, by name, and what flows may use from the outside world.
import type { FlowName, StartRunInput } from '../../../shared/flow-input'
import { cognitoAccountFlow } from '../cognito/account/cognito-account-flow'
import { cognitoFlow } from '../cognito/cognito-flow'
import type { LoopbackOptions, LoopbackListener } from '../loopback/loopback-listener'
import { authorizationCodeFlow } from '../oauth/authorization-code-flow'
import { clientCredentialsFlow } from '../oauth/client-credentials-flow'
import { deviceFlow } from '../oauth/device-flow'
import { hybridFlow } from '../oauth/hybrid-flow'
import { implicitFlow } from '../oauth/implicit-flow'
import { introspectionFlow } from '../oauth/introspection-flow'
import { logoutFlow } from '../oauth/logout-flow'
import { refreshFlow } from '../oauth/refresh-flow'
import { revocationFlow } from '../oauth/revocation-flow'
import { userinfoFlow } from '../oauth/userinfo-flow'
import type { RunContext } from './run-context'

export type FlowDeps = {
  fetch: typeof fetch
  /** Hands an authorization URL to the system browser (or to nobody). */
  openBrowser: (url: URL) => Promise<void> | void
  openLoopback: (options: LoopbackOptions) => Promise<LoopbackListener>
  httpTimeoutMs: number
  maxResponseBytes: number
}

/** How a flow ended when it did not throw: `failed` when a check it ran failed. */
export type FlowOutcome = { failed: boolean }

export type FlowDefinition<I> = {
  title: (input: I) => string
  run: (ctx: RunContext, input: I, deps: FlowDeps) => Promise<FlowOutcome>
}

const FLOWS: { [F in FlowName]: FlowDefinition<Extract<StartRunInput, { flow: F }>> } = {
  code: authorizationCodeFlow,
  client_credentials: clientCredentialsFlow,
  refresh: refreshFlow,
  userinfo: userinfoFlow,
  introspection: introspectionFlow,
  revocation: revocationFlow,
  device: deviceFlow,
  implicit: implicitFlow,
  hybrid: hybridFlow,
  logout: logoutFlow,
  cognito: cognitoFlow,
  'cognito-account': cognitoAccountFlow,
}

export function flowFor(name: FlowName): FlowDefinition<StartRunInput> {
  return FLOWS[name] as FlowDefinition<StartRunInput>
}
