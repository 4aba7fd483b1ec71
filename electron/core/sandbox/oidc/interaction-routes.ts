// The sandbox provider's interaction endpoints, answered before oidc-provider sees the request:
// show the sign-in or consent step, check a demo user's password, record consent or a refusal,
// and serve the pages' stylesheet.
// @see https://github.com/panva/node-oidc-provider/tree/main/docs#user-flows
import type { IncomingMessage, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import type { InteractionDetails } from 'oidc-provider'
import { authenticateDemoUser, findDemoUser } from './demo-users'
import { STYLESHEET, STYLESHEET_PATH } from './html-page'
import { renderConsentPage, renderLoginPage, renderProblemPage } from './interaction-pages'
import { readFormBody } from './read-form-body'

const INTERACTION_PATH = /^\/interaction\/([\w-]+)(?:\/(login|consent|deny))?$/

/**
 * Answers the request when it is one of ours and says whether it did. A cross-site post cannot
 * drive these steps: the interaction cookie is SameSite=Lax, so it arrives without it and fails.
 * @see OpenID Connect Core 1.0 §3.1.2.3 https://openid.net/specs/openid-connect-core-1_0.html#Authenticates
 */
export async function handleInteractionRoute(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://sandbox.invalid')
  if (pathname === STYLESHEET_PATH && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(STYLESHEET)
    return true
  }
  if (pathname === '/favicon.ico') {
    res.writeHead(204).end() // browsers ask on every page; a 404 would log an error each time
    return true
  }
  const match = INTERACTION_PATH.exec(pathname)
  if (match === null) return false
  const [, uid, action = 'show'] = match
  try {
    const details = await provider.interactionDetails(req, res)
    if (details.uid !== uid) throw new StepRefused('This page belongs to another sign-in.')
    await runStep(provider, req, res, `${req.method} ${action}`, details)
  } catch (error) {
    const { error: code, error_description: description } = asProviderError(error)
    sendHtml(res, 400, renderProblemPage(code, description))
  }
  return true
}

async function runStep(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  step: string,
  details: InteractionDetails,
): Promise<void> {
  const prompt = details.prompt.name
  if (step === 'GET show') return showPrompt(provider, res, details)
  if (step === 'POST login' && prompt === 'login') {
    return submitLogin(provider, req, res, details)
  }
  if (step === 'POST consent' && prompt === 'consent') {
    return grantConsent(provider, req, res, details)
  }
  if (step === 'POST deny') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The user denied the request.' },
      { mergeWithLastSubmission: false },
    )
  }
  throw new StepRefused(`This sign-in is waiting for its ${prompt} step, not this one.`)
}

async function showPrompt(
  provider: Provider,
  res: ServerResponse,
  { uid, prompt, params, session }: InteractionDetails,
): Promise<void> {
  const clientName = await clientNameOf(provider, params.client_id)
  if (prompt.name === 'login') return sendHtml(res, 200, renderLoginPage({ uid, clientName }))
  const resources = new Set([
    ...stringList(params.resource),
    ...Object.keys(objectOf(prompt.details.missingResourceScopes)),
  ])
  const page = renderConsentPage({
    uid,
    clientName,
    userName: String(findDemoUser(session?.accountId)?.claims.name ?? session?.accountId),
    scopes: stringList(params.scope),
    resources: [...resources],
  })
  sendHtml(res, 200, page)
}

async function submitLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  { uid, params }: InteractionDetails,
): Promise<void> {
  const form = await readFormBody(req)
  const username = form?.get('username') ?? ''
  const user = authenticateDemoUser(username, form?.get('password') ?? '')
  if (user === undefined) {
    const clientName = await clientNameOf(provider, params.client_id)
    const error = 'Wrong username or password. The demo users are listed below.'
    return sendHtml(res, 200, renderLoginPage({ uid, clientName, username, error }))
  }
  const result = { login: { accountId: user.claims.sub } }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
}

/**
 * Grants what the consent prompt found missing: OpenID scopes and claims, and API scopes per
 * resource indicator. The grant is what tokens are later issued against.
 * @see https://github.com/panva/node-oidc-provider/tree/main/docs#interactions
 */
async function grantConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  { prompt, params, session, grantId }: InteractionDetails,
): Promise<void> {
  const accountId = session?.accountId
  if (accountId === undefined) throw new StepRefused('Sign in before giving consent.')
  const existing = grantId === undefined ? undefined : await provider.Grant.find(grantId)
  const grant = existing ?? new provider.Grant({ accountId, clientId: String(params.client_id) })
  const missingScope = stringList(prompt.details.missingOIDCScope)
  if (missingScope.length > 0) grant.addOIDCScope(missingScope.join(' '))
  const missingClaims = stringList(prompt.details.missingOIDCClaims)
  if (missingClaims.length > 0) grant.addOIDCClaims(missingClaims)
  for (const [resource, scopes] of Object.entries(objectOf(prompt.details.missingResourceScopes))) {
    grant.addResourceScope(resource, stringList(scopes).join(' '))
  }
  const result = { consent: { grantId: await grant.save() } }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true })
}

async function clientNameOf(provider: Provider, clientId: unknown): Promise<string> {
  const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined
  return client?.clientName ?? client?.clientId ?? 'An application'
}

function sendHtml(res: ServerResponse, status: number, page: string): void {
  res
    .writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(page)
}

/** A step asked for out of order, or for another sign-in than the one in progress. */
class StepRefused extends Error {
  readonly error = 'invalid_request'
  readonly error_description: string
  constructor(description: string) {
    super(description)
    this.error_description = description
  }
}

/** oidc-provider's errors (an expired interaction: SessionNotFound) carry `error` and a description. */
function asProviderError(error: unknown): { error: string; error_description?: string } {
  const candidate = error as { error?: unknown; error_description?: unknown } | null
  if (typeof candidate?.error !== 'string') throw error
  const description = candidate.error_description
  return {
    error: candidate.error,
    error_description: typeof description === 'string' ? description : undefined,
  }
}

/** Scopes arrive space-separated, resources one or many: both become a list of strings. */
function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : []
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}
