import { describe, expect, it } from 'vitest'
import { fetchJson } from '../../../electron/core/tokens/fetch-json'

const URL_OK = 'https://op.example.test/jwks.json'

function streamOf(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(0x20))
      else controller.close()
    },
  })
}

describe('fetchJson', () => {
  it('asks for JSON, follows no redirect and parses the body', async () => {
    const seen: RequestInit[] = []
    const fake = async (_url: unknown, init?: RequestInit) => {
      seen.push(init ?? {})
      return Response.json({ keys: [] })
    }

    const result = await fetchJson(URL_OK, { fetch: fake as typeof fetch })

    expect(result).toEqual({ ok: true, value: { keys: [] } })
    expect(seen[0]).toMatchObject({ redirect: 'manual', headers: { accept: 'application/json' } })
  })

  it('reports a redirect as a failure instead of following it', async () => {
    const fake = async () =>
      new Response(null, { status: 302, headers: { location: 'https://evil.test/' } })

    const result = await fetchJson(URL_OK, { fetch: fake as typeof fetch })

    expect(result).toMatchObject({
      ok: false,
      problem: 'status',
      message: expect.stringMatching(/302 \(a redirect/),
    })
  })

  it('gives up after the timeout', async () => {
    const hanging = (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )

    const result = await fetchJson(URL_OK, { fetch: hanging as typeof fetch, timeoutMs: 20 })

    expect(result).toMatchObject({
      ok: false,
      problem: 'timeout',
      message: expect.stringMatching(/20 ms/),
    })
  })

  it('refuses a body announced larger than the bound, and one that grows past it', async () => {
    const announced = async () =>
      new Response('{}', { headers: { 'content-length': String(10 * 1024 * 1024) } })
    const streamed = async () => new Response(streamOf(50, 1024))

    expect(await fetchJson(URL_OK, { fetch: announced as typeof fetch })).toMatchObject({
      ok: false,
      problem: 'too_large',
    })
    expect(
      await fetchJson(URL_OK, { fetch: streamed as typeof fetch, maxBytes: 10_000 }),
    ).toMatchObject({
      ok: false,
      problem: 'too_large',
    })
  })

  it('says what came back when it is not JSON', async () => {
    const html = async () =>
      new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } })

    const result = await fetchJson(URL_OK, { fetch: html as typeof fetch })

    expect(result).toMatchObject({
      ok: false,
      problem: 'not_json',
      message: expect.stringMatching(/text\/html/),
    })
  })

  it.each(['http://op.example.test/jwks.json', 'file:///etc/passwd', 'not a url'])(
    'fetches nothing from %s (https only, plain http only to loopback)',
    async (url) => {
      const never = async () => {
        throw new Error('must not be called')
      }

      expect(await fetchJson(url, { fetch: never as typeof fetch })).toMatchObject({
        ok: false,
        problem: 'insecure',
      })
    },
  )

  it('allows plain http to loopback, where the sandbox lives', async () => {
    const fake = async () => Response.json({ ok: 1 })

    expect(
      await fetchJson('http://127.0.0.1:4000/jwks', { fetch: fake as typeof fetch }),
    ).toMatchObject({
      ok: true,
    })
  })

  it('reports a network failure in words, from the code undici keeps in its cause', async () => {
    const refused = async () => {
      const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
        code: 'ECONNREFUSED',
      })
      throw new TypeError('fetch failed', { cause })
    }

    const result = await fetchJson(URL_OK, { fetch: refused as typeof fetch })

    expect(result).toMatchObject({
      ok: false,
      problem: 'network',
      message: expect.stringMatching(/connection refused/),
    })
  })
})
