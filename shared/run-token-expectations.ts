// What a run knows that one of its tokens must match, read back from what its steps recorded: the
// issuer from discovery (or the endpoints given by hand), the client and nonce from the request
// that was sent, the flow the token came by, and for an ID token the access token that came with
// it. Values may be secret markers, revealed by whoever opens the token.
// @see OpenID Connect Core 1.0 §3.1.3.7, §3.2.2.11, §3.3.3.7
import type { Run, Step } from './run-model'
import type { ExpectedTokenKind, TokenExpectations, TokenFlow } from './token-report'

export type RunTokenExpectations = Pick<
  TokenExpectations,
  'issuer' | 'clientId' | 'nonce' | 'flow' | 'accessToken'
> & { kind: ExpectedTokenKind }

/**
 * The flow by which a run's kept tokens arrived. A hybrid run keeps the token endpoint's tokens,
 * and an ID token from the token endpoint is validated as in the code flow (OIDC Core §3.3.3.7).
 */
const FLOW_OF_KEPT_TOKENS: Partial<Record<string, TokenFlow>> = {
  code: 'code',
  implicit: 'implicit',
  hybrid: 'code',
}

const KIND_OF_TOKEN: Partial<Record<string, ExpectedTokenKind>> = {
  id_token: 'id_token',
  access_token: 'access_token',
}

/** The expectations the inspector checks a run's token against; only what the run recorded. */
export function expectationsFromRun(
  run: Pick<Run, 'flow' | 'steps' | 'tokens'>,
  tokenName: string,
): RunTokenExpectations {
  const kind = KIND_OF_TOKEN[tokenName] ?? 'auto'
  const sent = authorizationRequestOf(run.steps)
  const issuer = issuerOf(run.steps)
  const clientId = sent?.get('client_id') ?? clientIdInBodies(run.steps)
  const nonce = kind === 'id_token' ? sent?.get('nonce') : undefined
  const flow = FLOW_OF_KEPT_TOKENS[run.flow]
  const accessToken =
    kind === 'id_token'
      ? run.tokens.findLast((token) => token.name === 'access_token')?.value
      : undefined
  return {
    kind,
    ...(issuer === undefined ? {} : { issuer }),
    ...(clientId == null ? {} : { clientId }),
    ...(nonce == null ? {} : { nonce }),
    ...(flow === undefined ? {} : { flow }),
    ...(accessToken === undefined ? {} : { accessToken }),
  }
}

/** The provider's issuer: as its discovery document named it, or as it was given by hand. */
function issuerOf(steps: Step[]): string | undefined {
  for (const step of steps) {
    if (step.explain === 'oauth.discovery') {
      const issuer = jsonObjectOf(step.exchange?.response?.body)?.issuer
      if (typeof issuer === 'string') return issuer
    }
    if (step.explain === 'oauth.endpoints-by-hand') {
      const endpoints = step.outputs.endpoints as { issuer?: unknown } | undefined
      if (typeof endpoints?.issuer === 'string') return endpoints.issuer
    }
  }
  return undefined
}

/** The parameters of the authorization request the browser was sent with. */
function authorizationRequestOf(steps: Step[]): URLSearchParams | undefined {
  const step = steps.find((candidate) => candidate.explain === 'oauth.authorize')
  const url = step?.outputs.url ?? step?.inputs.url
  if (typeof url !== 'string' || !URL.canParse(url)) return undefined
  return new URL(url).searchParams
}

/** A client that sent its id in a form body (a public client, or client_secret_post). */
function clientIdInBodies(steps: Step[]): string | undefined {
  for (const step of steps) {
    const body = step.exchange?.request.body
    const clientId = body === undefined ? null : new URLSearchParams(body).get('client_id')
    if (clientId) return clientId
  }
  return undefined
}

function jsonObjectOf(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** Says, in one sentence, what a token opened from a run is checked against. */
export function describeRunExpectations(
  from: string,
  expect: Partial<RunTokenExpectations>,
): string {
  const against = [
    expect.issuer && `the issuer ${expect.issuer}`,
    expect.clientId && `the client ${expect.clientId}`,
    expect.nonce && 'the nonce it sent',
    expect.accessToken && 'the access token that came with it (at_hash)',
    expect.flow && `the rules of the ${expect.flow} flow`,
  ].filter((part): part is string => Boolean(part))
  if (against.length === 0) return `From the run "${from}", which recorded nothing to check it by.`
  const list =
    against.length === 1 ? against[0] : `${against.slice(0, -1).join(', ')} and ${against.at(-1)}`
  return `From the run "${from}": checked against ${list}.`
}
