// Answers one request to the loopback listener: routes it (callback path, relay script, relay
// endpoint), checks Host, size, method and content type, then hands a well-formed answer to the
// sign-in waiting on its `state`. Everything else is refused in words and recorded.
// @see RFC 8252 §7.3, §8.3 https://www.rfc-editor.org/rfc/rfc8252#section-8.3
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AfxError } from '../errors'
import type { CallbackRegistry, LoopbackCallback, ResponseMode } from './callback-registry'
import { readResponseParams } from './callback-params'
import {
  modeMismatchAnswer,
  providerErrorAnswer,
  sendAnswer,
  sendRelayPage,
  sendScript,
  successAnswer,
} from './callback-pages'
import { mediaTypeOf, readBoundedBody } from './form-post'
import { RELAY_SCRIPT, relayPaths } from './fragment-relay'
import type { RefusalReason } from './refusals'

/** Browsers handle far longer URLs, but no authorization response needs more. */
export const MAX_URL_LENGTH = 8 * 1024

export type RequestContext = {
  path: string
  redirectUri: string
  allowedHosts: ReadonlySet<string>
  registry: CallbackRegistry
  now: () => Date
  /** Answers with the refusal page (or JSON, for the relay) and records the stray. */
  refuse(reason: RefusalReason, as: 'html' | 'json', state?: string): void
}

/**
 * Answers one request; every path ends in exactly one response.
 * @see RFC 8252 §7.3 https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export async function handleCallbackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
): Promise<void> {
  // Checked first: a page reaching us through DNS rebinding learns nothing, not even our routes.
  if (!ctx.allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
    return ctx.refuse('foreign-host', 'html')
  }
  const target = req.url ?? ''
  if (target.length > MAX_URL_LENGTH) return ctx.refuse('uri-too-long', 'html')
  // Split by hand: URL parsing would read "//evil/callback" as host "evil", path "/callback".
  const queryAt = target.indexOf('?')
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt)
  const query = queryAt === -1 ? '' : target.slice(queryAt + 1)
  const relay = relayPaths(ctx.path)

  if (pathname === ctx.path) {
    if (req.method === 'GET') {
      return query === ''
        ? sendRelayPage(res, relay.script, relay.endpoint)
        : deliver(res, ctx, query, 'query', `?${query}`, 'html')
    }
    if (req.method === 'POST') return receiveFormPost(req, res, ctx)
    return refuseMethod(res, ctx, 'GET, POST', 'html')
  }
  if (pathname === relay.script) {
    return req.method === 'GET'
      ? sendScript(res, RELAY_SCRIPT)
      : refuseMethod(res, ctx, 'GET', 'html')
  }
  if (pathname === relay.endpoint) {
    return req.method === 'POST'
      ? receiveRelayedFragment(req, res, ctx)
      : refuseMethod(res, ctx, 'POST', 'json')
  }
  return ctx.refuse('not-found', 'html')
}

/** HEAD too is refused: answered like GET, it would consume the state of the real callback. */
function refuseMethod(
  res: ServerResponse,
  ctx: RequestContext,
  allow: string,
  as: 'html' | 'json',
) {
  res.setHeader('Allow', allow)
  ctx.refuse('method-not-allowed', as)
}

/** @see OAuth 2.0 Form Post Response Mode §2 https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html#FormPostResponseMode */
async function receiveFormPost(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
  // Origin is the provider's (or "null"), so it proves nothing here: the state does.
  if (mediaTypeOf(req) !== 'application/x-www-form-urlencoded') {
    return ctx.refuse('unsupported-media-type', 'html')
  }
  const body = await readBoundedBody(req)
  if (body.kind === 'aborted') return
  if (body.kind === 'too-large') return ctx.refuse('body-too-large', 'html')
  deliver(res, ctx, body.text, 'form_post', `?${body.text}`, 'html')
}

async function receiveRelayedFragment(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
) {
  // Only our relay page may post here: a same-origin fetch always sends Origin with a POST.
  const origin = req.headers.origin ?? ''
  if (![...ctx.allowedHosts].some((host) => origin === `http://${host}`)) {
    return ctx.refuse('foreign-origin', 'json')
  }
  if (mediaTypeOf(req) !== 'application/json') return ctx.refuse('unsupported-media-type', 'json')
  const body = await readBoundedBody(req)
  if (body.kind === 'aborted') return
  if (body.kind === 'too-large') return ctx.refuse('body-too-large', 'json')
  const fragment = readFragment(body.text)
  if (fragment === undefined) return ctx.refuse('malformed', 'json')
  deliver(res, ctx, fragment, 'fragment', `#${fragment}`, 'json')
}

function readFragment(json: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(json)
    const fragment = (parsed as { fragment?: unknown } | null)?.fragment
    return typeof fragment === 'string' ? fragment : undefined
  } catch {
    return undefined
  }
}

/** Settles the sign-in the answer's state names, after the browser has its page. */
function deliver(
  res: ServerResponse,
  ctx: RequestContext,
  text: string,
  responseMode: ResponseMode,
  suffix: string,
  as: 'html' | 'json',
) {
  const read = readResponseParams(text)
  if ('repeated' in read) return ctx.refuse('repeated-parameter', as)
  const { params } = read
  if (params.state === undefined || params.state === '') return ctx.refuse('missing-state', as)
  const waiter = ctx.registry.claim(params.state)
  if (waiter === 'unknown') return ctx.refuse('unknown-state', as)
  if (typeof waiter === 'string') return ctx.refuse(waiter, as, params.state)

  // Settled on 'close', after the answer is flushed: the run may close the listener the moment
  // its promise resolves, and must not cut the browser's page short.
  if (waiter.responseMode !== undefined && waiter.responseMode !== responseMode) {
    const expected = waiter.responseMode
    res.once('close', () => waiter.reject(modeMismatch(expected, responseMode, params)))
    return sendAnswer(res, modeMismatchAnswer(expected, responseMode), as)
  }
  const callback: LoopbackCallback = {
    params,
    responseMode,
    url: ctx.redirectUri + suffix,
    receivedAt: ctx.now().toISOString(),
  }
  res.once('close', () => waiter.resolve(callback))
  const { error, error_description: description } = params
  sendAnswer(
    res,
    error === undefined ? successAnswer() : providerErrorAnswer(error, description),
    as,
  )
}

function modeMismatch(
  expected: ResponseMode,
  actual: ResponseMode,
  params: Record<string, string>,
) {
  const error = params.error?.slice(0, 100)
  const said = error === undefined ? '' : ` The provider's answer was error=${error}.`
  return new AfxError(
    'LOOPBACK_RESPONSE_MODE_MISMATCH',
    `The sign-in asked for its answer by ${expected}, but it arrived by ${actual}.${said}`,
    {
      hint: 'The provider may not support this response_mode, or ignored it: check response_modes_supported in its discovery document.',
      ref: 'OAuth 2.0 Multiple Response Type Encoding Practices §2.1',
    },
  )
}
