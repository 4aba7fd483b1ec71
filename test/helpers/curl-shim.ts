// Runs an exported curl script with a fake `curl` first on PATH that records its argv, and reads
// each call back as the HTTP request curl would have sent: the proof that the script's quoting
// hands curl exactly the request of the run.
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SECRET_MARKER, type HttpRequestRecord } from '../../shared/run-model'

export type ScriptResult = {
  code: number
  stdout: string
  stderr: string
  /** The argv of each curl call, in order. */
  calls: string[][]
  /** Files in the folder the script ran in: anything there was made by the script. */
  filesMade: string[]
}

// Every argument NUL-terminated, after a count: argv may hold any text but NUL.
const SHIM = `#!/bin/bash
printf 'CALL %s\\0' "$#" >> "$CURL_SHIM_LOG"
for arg in "$@"; do printf '%s\\0' "$arg" >> "$CURL_SHIM_LOG"; done
`

/** Runs `script` with `shell` (sh or bash) and the given variables, curl replaced by the shim. */
export async function runWithCurlShim(
  script: string,
  variables: Record<string, string>,
  shell = 'sh',
): Promise<ScriptResult> {
  const folder = await mkdtemp(join(tmpdir(), 'afx-curl-shim-'))
  const bin = join(folder, 'bin')
  const work = join(folder, 'work')
  try {
    await Promise.all([mkdir(bin), mkdir(work)])
    await writeFile(join(bin, 'curl'), SHIM)
    await chmod(join(bin, 'curl'), 0o755)
    await writeFile(join(folder, 'run.sh'), script)
    const log = join(folder, 'calls')
    await writeFile(log, '')
    const result = await runScript(shell, [join(folder, 'run.sh')], work, {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      CURL_SHIM_LOG: log,
      ...variables,
    })
    return {
      ...result,
      calls: parseCalls(await readFile(log, 'utf8')),
      filesMade: await readdir(work),
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** Runs a script for real (the system's curl), in a fresh folder, with only these variables. */
export async function runScriptForReal(
  script: string,
  variables: Record<string, string>,
): Promise<Omit<ScriptResult, 'calls' | 'filesMade'>> {
  const folder = await mkdtemp(join(tmpdir(), 'afx-curl-real-'))
  try {
    await writeFile(join(folder, 'run.sh'), script)
    return await runScript('sh', [join(folder, 'run.sh')], folder, {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: folder, // no ~/.curlrc of the machine's user changes what curl sends
      ...variables,
    })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** `sh -n`: parses the script without running a line of it; answers the shell's complaint. */
export async function checkSyntax(script: string, shell: string): Promise<string | undefined> {
  const folder = await mkdtemp(join(tmpdir(), 'afx-curl-syntax-'))
  try {
    await writeFile(join(folder, 'run.sh'), script)
    const { code, stderr } = await runScript(shell, ['-n', join(folder, 'run.sh')], folder, {})
    return code === 0 ? undefined : stderr || `exit ${code}`
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

function runScript(
  shell: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(shell, args, { cwd, env, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

function parseCalls(log: string): string[][] {
  const fields = log.split('\0')
  const calls: string[][] = []
  for (let at = 0; at < fields.length - 1;) {
    const count = Number(/^CALL (\d+)$/.exec(fields[at] ?? '')?.[1])
    if (!Number.isInteger(count))
      throw new Error(`the curl shim log is not as written: ${fields[at]}`)
    calls.push(fields.slice(at + 1, at + 1 + count))
    at += count + 1
  }
  return calls
}

export type CurlRequest = {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}

/**
 * The request curl builds from the arguments the export writes (and only those: anything else
 * fails the test). --data-urlencode encodes like curl_easy_escape: all but A–Z a–z 0–9 - . _ ~.
 * @see https://curl.se/docs/manpage.html#-d, https://curl.se/libcurl/c/curl_easy_escape.html
 */
export function requestOfCurlArgs(argv: string[]): CurlRequest {
  const headers: Record<string, string> = {}
  const data: string[] = []
  let method: string | undefined
  let url: string | undefined
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!
    const next = () => argv[++at] ?? ''
    if (['-sS', '-i', '-g'].includes(arg)) continue
    if (arg === '--max-time') next()
    else if (arg === '-X') method = next()
    else if (arg === '--url') url = next()
    else if (arg === '-H') addHeader(headers, next())
    else if (arg === '--data-raw') data.push(next())
    else if (arg === '--data-urlencode') data.push(curlUrlencode(next()))
    else throw new Error(`the export wrote a curl argument this reader does not know: ${arg}`)
  }
  if (url === undefined) throw new Error('no --url')
  return {
    method: method ?? (data.length > 0 ? 'POST' : 'GET'),
    url,
    headers,
    ...(data.length > 0 ? { body: data.join('&') } : {}),
  }
}

function addHeader(headers: Record<string, string>, header: string) {
  const colon = header.indexOf(':')
  if (colon < 0 && header.endsWith(';')) headers[header.slice(0, -1)] = ''
  else if (colon === header.length - 1)
    delete headers[header.slice(0, -1)] // curl's default gone
  else headers[header.slice(0, colon)] = header.slice(colon + 1).trimStart()
}

function curlUrlencode(arg: string): string {
  const at = arg.indexOf('=')
  if (at <= 0) throw new Error(`the export wrote --data-urlencode without a name: ${arg}`)
  const escape = (text: string) =>
    encodeURIComponent(text).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    )
  return `${arg.slice(0, at)}=${escape(arg.slice(at + 1))}`
}

/**
 * The request as the run sent it: each marker back to its value (`reveal` by secret id), in a
 * body form-encoded as it travelled.
 */
export function sentRequestOf(
  request: HttpRequestRecord,
  reveal: (secretId: string) => string | undefined,
): CurlRequest {
  const put = (text: string, encode = (value: string) => value) =>
    text.replace(SECRET_MARKER, (_marker, id: string) => encode(reveal(id) ?? ''))
  return {
    method: request.method,
    url: put(request.url),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, put(value)]),
    ),
    ...(request.body === undefined
      ? {}
      : { body: put(request.body, (v) => new URLSearchParams({ v }).toString().slice(2)) }),
  }
}

/** A request with its form body as the provider reads it: the decoded fields, in order. */
export const asProviderReads = (request: CurlRequest) => ({
  ...request,
  body: request.body === undefined ? undefined : [...new URLSearchParams(request.body)],
})
