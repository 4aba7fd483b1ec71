// Turns a run into a shell script a person can read and run again: one curl command per HTTP
// exchange, in order. No secret is written in it: each marker becomes a variable the person sets,
// and the script stops with a clear message when one is missing.
// @see https://curl.se/docs/manpage.html, POSIX.1-2017 XCU §2.6.2 (${parameter:?word})
import type { HttpRequestRecord, Run, Step } from '../../../shared/run-model'
import { commentText, shellWord } from './shell-word'
import { hasSecretMarker, nameSecretVariables, type SecretVariable } from './secret-variables'

/** As long as the engine itself waits for one answer (create-core.ts HTTP_TIMEOUT_MS). */
const MAX_TIME_SECONDS = 30

/** Headers curl works out itself: replaying a recorded one could contradict the body it sends. */
const HEADERS_CURL_SETS = new Set(['content-length', 'host', 'connection', 'transfer-encoding'])

/** A header name as HTTP allows it (RFC 9110 §5.1, §5.6.2). */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** What a variable holds, for the fields whose meaning is not plain from the name. */
const FIELD_HINTS: Record<string, string> = {
  authorization:
    'the credentials of the Authorization header (Basic: base64 of client_id:client_secret, each form-encoded)',
  code: 'an authorization code: single use, so a replay needs a fresh one',
  code_verifier: 'the PKCE code_verifier that matches the code',
}

type Part =
  | { kind: 'request'; number: number; step: Step; request: HttpRequestRecord }
  | { kind: 'browser'; number: number; step: Step; url: string }

/**
 * A `#!/bin/sh` script: a header listing the variables to export, a guard per variable, then
 * each exchange of the run as a curl command preceded by its step title.
 */
export function runToCurl(run: Run): string {
  const parts = partsOf(run)
  const commandTexts = parts.flatMap((part) => (part.kind === 'request' ? requestTexts(part) : []))
  const variables = nameSecretVariables([
    ...commandTexts,
    ...parts.flatMap((part) => commentTexts(part)),
  ])
  const needed = new Set(nameSecretVariables(commandTexts).keys())
  const [forCommands, forComments] = partition([...variables.values()], (v) => needed.has(v.id))
  return [
    ...header(run, variables, forCommands, forComments),
    ...forCommands.map((v) => `: "\${${v.name}:?set ${v.name} first}"`),
    ...parts.flatMap((part) => [
      '',
      ...(part.kind === 'request' ? curl(part, variables) : browser(part, variables)),
    ]),
    '',
  ].join('\n')
}

function partsOf(run: Run): Part[] {
  return run.steps.flatMap((step, index): Part[] => {
    const number = index + 1
    if (step.exchange) return [{ kind: 'request', number, step, request: step.exchange.request }]
    const url = step.outputs.url ?? step.inputs.url
    if (step.kind === 'browser' && typeof url === 'string') {
      return [{ kind: 'browser', number, step, url }]
    }
    return []
  })
}

function header(
  run: Run,
  variables: Map<string, SecretVariable>,
  forCommands: SecretVariable[],
  forComments: SecretVariable[],
): string[] {
  const line = (variable: SecretVariable) =>
    `#   export ${variable.name}='…'  # ${commentText(describe(variable.field), variables)}`
  return [
    '#!/bin/sh',
    `# Auth Flow Explorer: the HTTP requests of the run "${commentText(run.title, variables)}"`,
    `# (flow ${commentText(run.flow, variables)}, started ${run.createdAt}), one curl command each.`,
    '#',
    ...(forCommands.length === 0
      ? ['# The requests carry no secret: there is nothing to set.']
      : [
          '# No secret is written in this file: each one is read from a shell variable. Set them',
          '# first (reveal the values in Auth Flow Explorer, or use your own):',
          ...forCommands.map(line),
        ]),
    ...(forComments.length === 0
      ? []
      : [
          '# These appear only in the comments of browser steps; nothing below reads them:',
          ...forComments.map(line),
        ]),
    '#',
    '# A replay is not the run: an authorization code works once, and tokens expire.',
  ]
}

const describe = (field: string) => FIELD_HINTS[field] ?? `the ${field || 'secret'} of the run`

function curl(part: Extract<Part, { kind: 'request' }>, variables: Map<string, SecretVariable>) {
  const { request } = part
  const word = (text: string) => shellWord(text, variables)
  const recorded = Object.entries(request.headers)
  // Such a header could not have been sent: a line break would add headers of its own, and
  // "-H @file" makes curl read a file.
  const [valid, invalid] = partition(
    recorded,
    ([name, value]) => HTTP_TOKEN.test(name) && !/[\r\n\0]/.test(value),
  )
  const headers = valid.filter(([name]) => !HEADERS_CURL_SETS.has(name.toLowerCase()))
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  const args = [
    // -g: brackets and braces in a URL are text, not curl's ranges and lists.
    `curl -sS -i -g --max-time ${MAX_TIME_SECONDS}`,
    `-X ${/^[A-Z]+$/.test(request.method) ? request.method : word(request.method)}`,
    `--url ${word(request.url)}`,
    // "name;" is curl's way to send a header with an empty value ("name:" would remove it).
    ...headers.map(
      ([name, value]) => `-H ${word(value === '' ? `${name};` : `${name}: ${value}`)}`,
    ),
    // Without a type of its own, curl would label any body as a form.
    ...(request.body !== undefined && contentType === undefined ? [`-H 'content-type:'`] : []),
    ...(request.body === undefined ? [] : dataArguments(request.body, contentType, word)),
  ]
  return [
    ...commentTexts(part).map((text) => `# ${commentText(text, variables)}`),
    ...(invalid.length === 0
      ? []
      : ['# Left out: a header HTTP cannot carry (a name that is no token, or a line break).']),
    args.join(' \\\n  '),
    'echo',
  ]
}

/**
 * The body as curl data arguments. A form field holding a secret goes through --data-urlencode,
 * so the value a person sets is encoded as the form needs (a "+" or "&" in it stays itself);
 * everything else is sent byte for byte. curl joins its data arguments with "&".
 * @see https://curl.se/docs/manpage.html#--data-urlencode
 */
function dataArguments(
  body: string,
  contentType: string | undefined,
  word: (text: string) => string,
): string[] {
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')
  if (!isForm || !hasSecretMarker(body)) return [`--data-raw ${word(body)}`]
  const args: string[] = []
  let raw: string[] = []
  const flushRaw = () => {
    if (raw.length > 0) args.push(`--data-raw ${word(raw.join('&'))}`)
    raw = []
  }
  for (const pair of body.split('&')) {
    const at = pair.indexOf('=')
    const name = pair.slice(0, at)
    // Form decoding, as the provider read it; URLSearchParams never throws on a stray "%".
    const value = new URLSearchParams(`v=${pair.slice(at + 1)}`).get('v') ?? ''
    // An empty name or one with "@" would change what --data-urlencode means (curl reads a file
    // after "@"), so such a pair goes as it is.
    if (!/^[^@]+$/.test(name) || !hasSecretMarker(value) || hasSecretMarker(name)) {
      raw.push(pair)
      continue
    }
    flushRaw()
    args.push(`--data-urlencode ${word(`${name}=${value}`)}`)
  }
  flushRaw()
  return args
}

function browser(part: Extract<Part, { kind: 'browser' }>, variables: Map<string, SecretVariable>) {
  return [
    `# ${commentText(titleOf(part), variables)}`,
    '# A page a person opens in a browser, not a request to replay:',
    `#   ${commentText(part.url, variables)}`,
  ]
}

/** Texts that reach the command line of a request (the ones its variables must be set for). */
function requestTexts({ request }: Extract<Part, { kind: 'request' }>): string[] {
  return [request.method, request.url, ...Object.values(request.headers), request.body ?? '']
}

const titleOf = (part: Part) => `${part.number}. ${part.step.title}`

/** What the comments of a part say: its number and title, the URL to open or what the run got. */
function commentTexts(part: Part): string[] {
  const title = titleOf(part)
  if (part.kind === 'browser') return [title, part.url]
  const exchange = part.step.exchange
  const duration =
    exchange?.durationMs === undefined ? '' : ` in ${Math.round(exchange.durationMs)} ms`
  const outcome = exchange?.response
    ? `The run got ${exchange.response.status}${duration}.`
    : `The run got no answer: ${exchange?.error ?? 'none came.'}`
  return [title, outcome]
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))]
}
