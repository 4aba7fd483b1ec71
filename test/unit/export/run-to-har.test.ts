import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runToHar, runToHarJson } from '../../../electron/core/export/run-to-har'
import type { Run } from '../../../shared/run-model'
import { PLANTED, plantedSpellings, recordCodeFlowRun } from './recorded-run'

/**
 * The fields HAR 1.2 requires, as the spec lists them (no HAR validator is installed here).
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
const NameValue = z.strictObject({ name: z.string(), value: z.string() })
const custom = z.string().regex(/^_|^comment$/, 'only "_" fields and comment may be added')
const withCustom = <T extends z.ZodRawShape>(shape: T) => z.object(shape).catchall(z.unknown())
const Har12 = z.strictObject({
  log: withCustom({
    version: z.literal('1.2'),
    creator: z.object({ name: z.string(), version: z.string() }),
    pages: z
      .array(
        withCustom({
          startedDateTime: z.iso.datetime(),
          id: z.string(),
          title: z.string(),
          pageTimings: z.object({}).catchall(z.number()),
        }),
      )
      .optional(),
    entries: z.array(
      withCustom({
        pageref: z.string().optional(),
        startedDateTime: z.iso.datetime(),
        time: z.number().nonnegative(),
        request: withCustom({
          method: z.string(),
          url: z.string(),
          httpVersion: z.string(),
          cookies: z.array(NameValue),
          headers: z.array(NameValue),
          queryString: z.array(NameValue),
          postData: z
            .object({ mimeType: z.string(), params: z.array(NameValue), text: z.string() })
            .optional(),
          headersSize: z.number().int(),
          bodySize: z.number().int(),
        }),
        response: withCustom({
          status: z.number().int(),
          statusText: z.string(),
          httpVersion: z.string(),
          cookies: z.array(NameValue),
          headers: z.array(NameValue),
          content: withCustom({
            size: z.number().int(),
            mimeType: z.string(),
            text: z.string().optional(),
          }),
          redirectURL: z.string(),
          headersSize: z.number().int(),
          bodySize: z.number().int(),
        }),
        cache: z.object({}),
        timings: withCustom({
          send: z.number().nonnegative(),
          wait: z.number().nonnegative(),
          receive: z.number().nonnegative(),
        }),
      }),
    ),
  }),
})

/** Every added field of an object tree: HAR allows only names starting with "_" (and comment). */
function addedFieldsOutside(value: unknown, allowed: Set<string>, at = 'har'): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => addedFieldsOutside(item, allowed, `${at}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, item]) => [
    ...(allowed.has(key) || custom.safeParse(key).success ? [] : [`${at}.${key}`]),
    ...addedFieldsOutside(item, allowed, `${at}.${key}`),
  ])
}

const SPEC_FIELDS = new Set(
  'log version creator name version pages startedDateTime id title pageTimings entries pageref time request response cache timings method url httpVersion cookies headers queryString postData mimeType params text value headersSize bodySize status statusText content size redirectURL send wait receive'.split(
    ' ',
  ),
)

const creator = { name: 'Auth Flow Explorer', version: '0.9.0' }
const { run } = recordCodeFlowRun()
const har = runToHar(run, creator)
const entry = (index: number) => har.log.entries[index]!

describe('runToHar', () => {
  it('writes a log HAR 1.2 requires, with no field the spec does not name but "_" ones', () => {
    expect(Har12.safeParse(har).error?.issues).toBeUndefined()
    expect(addedFieldsOutside(har, SPEC_FIELDS)).toEqual([])
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual(creator)
    expect(JSON.parse(runToHarJson(run, creator))).toEqual(har)
  })

  it('has one entry per exchange, in order, timed from its step', () => {
    expect(
      har.log.entries.map((e) => [e.request.method, e.request.url, e.response.status]),
    ).toEqual([
      ['GET', 'http://127.0.0.1:9400/.well-known/openid-configuration', 200],
      ['POST', 'http://127.0.0.1:9400/token', 200],
      ['GET', 'http://127.0.0.1:9400/me', 200],
      ['POST', 'http://127.0.0.1:9400/token/revocation', 0],
    ])
    const tokenStep = run.steps.find((step) => step.title === 'Exchange the code for tokens')!
    expect(entry(1)).toMatchObject({
      pageref: run.id,
      startedDateTime: tokenStep.startedAt,
      time: 31.7,
      timings: { send: 0, wait: 31.7, receive: 0 },
      comment: 'Exchange the code for tokens',
      cache: {},
    })
    expect(har.log.pages).toEqual([
      { startedDateTime: run.createdAt, id: run.id, title: run.title, pageTimings: {} },
    ])
  })

  it('writes each secret as "[redacted: <label>]", the form fields decoded as params', () => {
    const { request, response } = entry(1)
    expect(request.postData?.mimeType).toBe('application/x-www-form-urlencoded;charset=UTF-8')
    expect(request.postData?.params).toEqual([
      { name: 'redirect_uri', value: 'http://127.0.0.1:53682/callback' },
      { name: 'code_verifier', value: '[redacted: code_verifier]' },
      { name: 'code', value: '[redacted: code]' },
      { name: 'grant_type', value: 'authorization_code' },
      { name: 'client_id', value: 'afx-web-post' },
      { name: 'client_secret', value: '[redacted: client_secret]' },
    ])
    expect(request.postData?.text).toContain('&client_secret=[redacted: client_secret]')
    expect(request.bodySize).toBe(-1) // the size of what was sent is unknown once a secret is cut
    expect(JSON.parse(response.content.text ?? '')).toMatchObject({
      access_token: '[redacted: access_token]',
      id_token: '[redacted: id_token]',
      refresh_token: '[redacted: refresh_token]',
    })
    expect(response.content.mimeType).toBe('application/json; charset=utf-8')
    expect(entry(2).request.headers).toContainEqual({
      name: 'authorization',
      value: 'Bearer [redacted: access_token]',
    })
    const text = runToHarJson(run, creator)
    expect(text).not.toContain('«secret:')
    for (const planted of plantedSpellings(Object.values(PLANTED))) {
      expect(text).not.toContain(planted)
    }
  })

  it('gives an exchange nobody answered status 0 and the words in _error', () => {
    expect(entry(3).response).toMatchObject({
      status: 0,
      statusText: '',
      _error: 'The connection to 127.0.0.1:9400 was refused: nothing listens there.',
      content: { size: 0, mimeType: 'x-unknown' },
    })
    expect(entry(3).time).toBe(3)
  })

  it('reads the query string, a redirect and the body sizes a provider declared', () => {
    const redirected: Run = {
      ...run,
      steps: [
        {
          ...run.steps[0]!,
          exchange: {
            request: {
              method: 'GET',
              url: 'https://op.example/auth?client_id=app&scope=openid+email&state=a%26b#frag',
              headers: {},
            },
            response: {
              status: 302,
              headers: {
                location: 'https://rp.example/cb?code=«secret:s1:code»',
                'content-length': '0',
              },
            },
          },
        },
      ],
    }
    const only = runToHar(redirected, creator).log.entries[0]!
    expect(only.request.queryString).toEqual([
      { name: 'client_id', value: 'app' },
      { name: 'scope', value: 'openid email' },
      { name: 'state', value: 'a&b' },
    ])
    expect(only.request.bodySize).toBe(0)
    expect(only.request.postData).toBeUndefined()
    expect(only.response).toMatchObject({
      statusText: 'Found',
      redirectURL: 'https://rp.example/cb?code=[redacted: code]',
      bodySize: 0,
    })
    expect(only.time).toBe(0)
  })
})
