import { describe, expect, it } from 'vitest'
import { runToCurl } from '../../../electron/core/export/run-to-curl'
import type { Run, Step } from '../../../shared/run-model'
import {
  asProviderReads,
  checkSyntax,
  requestOfCurlArgs,
  runWithCurlShim,
  sentRequestOf,
} from '../../helpers/curl-shim'
import { PLANTED, plantedSpellings, recordCodeFlowRun } from './recorded-run'

const { run, secrets } = recordCodeFlowRun()
const script = runToCurl(run)

/** What a person exports before running the script: every variable its guards ask for. */
const VARIABLES = {
  CODE_VERIFIER: PLANTED.codeVerifier,
  CODE: PLANTED.code,
  CLIENT_SECRET: PLANTED.clientSecret,
  ACCESS_TOKEN: PLANTED.accessToken,
  REFRESH_TOKEN: PLANTED.refreshToken,
}

const exchanges = (of: Run) => of.steps.flatMap((step) => (step.exchange ? [step.exchange] : []))

describe('runToCurl', () => {
  it.each(['sh', 'bash'])('writes a script that %s parses', async (shell) => {
    expect(script.startsWith('#!/bin/sh\n')).toBe(true)
    expect(await checkSyntax(script, shell)).toBeUndefined()
  })

  it('says which variables to export and guards each one, holding no secret itself', () => {
    expect(script).toContain(
      '# Auth Flow Explorer: the HTTP requests of the run "Authorization code + PKCE (afx-web-post)"',
    )
    expect(script.match(/^# {3}export \w+=/gm)).toEqual([
      '#   export CODE_VERIFIER=',
      '#   export CODE=',
      '#   export CLIENT_SECRET=',
      '#   export ACCESS_TOKEN=',
      '#   export REFRESH_TOKEN=',
      '#   export ID_TOKEN=',
    ])
    expect(script.match(/^: .*$/gm)).toEqual(
      Object.keys(VARIABLES).map((name) => `: "\${${name}:?set ${name} first}"`),
    )
    for (const planted of plantedSpellings(Object.values(PLANTED))) {
      expect(script).not.toContain(planted)
    }
  })

  it.each(['sh', 'bash'])(
    'hands curl exactly the requests of the run, in order, when run by %s',
    async (shell) => {
      const result = await runWithCurlShim(script, VARIABLES, shell)

      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.filesMade).toEqual([]) // the $(touch pwned) inside the secret never ran
      expect(result.calls.map(requestOfCurlArgs).map(asProviderReads)).toEqual(
        exchanges(run).map((exchange) => {
          const sent = sentRequestOf(exchange.request, (id) => secrets.reveal(id))
          delete sent.headers['content-length']
          return asProviderReads(sent)
        }),
      )
      for (const call of result.calls) {
        expect(call.slice(0, 5)).toEqual(['-sS', '-i', '-g', '--max-time', '30'])
      }
    },
  )

  it('stops before any request when a variable is not set, naming it', async () => {
    const others = Object.entries(VARIABLES).filter(([name]) => name !== 'CLIENT_SECRET')
    const result = await runWithCurlShim(script, Object.fromEntries(others))
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('set CLIENT_SECRET first')
    expect(result.calls).toEqual([])
  })

  it('titles each command with its step and what the run got', () => {
    expect(script).toContain(
      "# 5. Exchange the code for tokens\n# The run got 200 in 32 ms.\ncurl -sS -i -g --max-time 30 \\\n  -X POST \\\n  --url 'http://127.0.0.1:9400/token'",
    )
    expect(script).toContain(
      '# The run got no answer: The connection to 127.0.0.1:9400 was refused: nothing listens there.',
    )
    expect(script).toContain(`  -H 'authorization: Bearer '"$ACCESS_TOKEN"`)
    // A secret in a form goes through --data-urlencode, so its "+" and "&" stay what they are.
    expect(script).toContain(`  --data-urlencode 'client_secret='"$CLIENT_SECRET"`)
  })

  it('keeps a browser step as a comment with its URL, its secrets named but not required', () => {
    expect(script).toContain(
      '# 3. Send the browser to the provider\n# A page a person opens in a browser, not a request to replay:\n#   http://127.0.0.1:9400/auth?client_id=afx-web-post&',
    )
    expect(script).toMatch(
      /^# {3}http:\/\/127\.0\.0\.1:9400\/session\/end\?id_token_hint=\$ID_TOKEN&/m,
    )
    expect(script).toContain(
      '# These appear only in the comments of browser steps; nothing below reads them:\n#   export ID_TOKEN=',
    )
    expect(script).not.toContain('${ID_TOKEN:?')
  })

  it('names two secrets with one label CODE and CODE_2, one secret sent twice once, clientSecret CLIENT_SECRET', () => {
    const twice = handRun([
      { url: 'https://op.example/token', body: 'code=«secret:s1:code»' },
      { url: 'https://op.example/token', body: 'code=«secret:s2:code»' },
      { url: 'https://op.example/token?again=«secret:s1:code»' },
      { url: 'https://op.example/token', body: 'client_secret=«secret:s3:clientSecret»' },
    ])
    const text = runToCurl(twice)
    expect(text.match(/^: .*$/gm)).toEqual([
      ': "${CODE:?set CODE first}"',
      ': "${CODE_2:?set CODE_2 first}"',
      ': "${CLIENT_SECRET:?set CLIENT_SECRET first}"',
    ])
    expect(text).toContain("#   export CLIENT_SECRET='…'  # the client_secret of the run")
    expect(text).toContain(`--data-urlencode 'code='"$CODE_2"`)
    expect(text).toContain(`--url 'https://op.example/token?again='"$CODE"`)
  })

  it('passes text that would break out of quotes or comments as inert text, byte for byte', async () => {
    const hostile = handRun([
      {
        title: "Evil title\nrm -rf ~ ; echo '",
        url: "https://op.example/a'b?x=$(touch pwned)&y=`touch pwned2`&z=[1]{2}",
        headers: {
          'x-note': 'it\'s $HOME and `id` and "quotes" and \\ back',
          'x-empty': '',
          'bad name': 'dropped',
        },
        body: "line one\nline 'two' $(touch pwned3) «secret:s1:password» tail",
      },
    ])
    const text = runToCurl(hostile)
    expect(await checkSyntax(text, 'sh')).toBeUndefined()
    expect(text).toContain("# 1. Evil title rm -rf ~ ; echo '")

    const result = await runWithCurlShim(text, { PASSWORD: "pa'ss $(touch pwned4)" })

    expect(result.filesMade).toEqual([])
    expect(result.calls.map(requestOfCurlArgs)).toEqual([
      {
        method: 'POST',
        url: "https://op.example/a'b?x=$(touch pwned)&y=`touch pwned2`&z=[1]{2}",
        // The header HTTP cannot carry is left out (and said so); curl's own content type
        // is removed, since the run sent none.
        headers: { 'x-note': 'it\'s $HOME and `id` and "quotes" and \\ back', 'x-empty': '' },
        body: "line one\nline 'two' $(touch pwned3) pa'ss $(touch pwned4) tail",
      },
    ])
    expect(text).toContain('# Left out: a header HTTP cannot carry')
  })

  it('says so when the requests carry no secret', () => {
    const text = runToCurl(
      handRun([{ url: 'https://op.example/.well-known/openid-configuration' }]),
    )
    expect(text).toContain('# The requests carry no secret: there is nothing to set.')
    expect(text).not.toMatch(/^: /m)
  })
})

type HandExchange = {
  title?: string
  url: string
  headers?: Record<string, string>
  body?: string
}

/** A run typed by hand, for shapes the engine never records (hostile text, repeated labels). */
function handRun(exchanges: HandExchange[]): Run {
  const steps: Step[] = exchanges.map((exchange, index) => ({
    id: `step-${index + 1}`,
    kind: 'http',
    title: exchange.title ?? `Request ${index + 1}`,
    explain: 'x',
    status: 'done',
    startedAt: '2026-11-23T10:05:00.000Z',
    inputs: {},
    outputs: {},
    diagnostics: [],
    exchange: {
      request: {
        method: exchange.body === undefined ? 'GET' : 'POST',
        url: exchange.url,
        headers:
          exchange.headers ??
          (exchange.body === undefined
            ? {}
            : { 'content-type': 'application/x-www-form-urlencoded' }),
        ...(exchange.body === undefined ? {} : { body: exchange.body }),
      },
      response: { status: 200, headers: {} },
    },
  }))
  return {
    id: 'run-hand-made',
    flow: 'code',
    title: 'Hand-made',
    mode: 'auto',
    status: 'succeeded',
    createdAt: '2026-11-23T10:05:00.000Z',
    updatedAt: '2026-11-23T10:05:01.000Z',
    steps,
    tokens: [],
    diagnostics: [],
    origin: 'imported',
  }
}
