import { describe, expect, it } from 'vitest'
import { redactExchange } from '../../../electron/core/runs/redact-exchange'
import { SecretBox } from '../../../electron/core/runs/secret-box'

describe('redactExchange', () => {
  it('replaces secrets in a form body whatever their encoding or length', () => {
    const secrets = new SecretBox()
    secrets.add('abc8Q~xyz.secret', 'client_secret') // as configureClient registers it
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      client_secret: 'abc8Q~xyz.secret',
      code: 'ab/c+d=',
      password: 'pw1',
    }).toString()

    const redacted = redactExchange(
      { request: { method: 'POST', url: 'https://op.example/token', headers: {}, body } },
      secrets,
    )

    expect(redacted.request.body).toMatch(
      /^grant_type=authorization_code&client_secret=«secret:s1:client_secret»&code=«secret:s\d:code»&password=«secret:s\d:password»$/,
    )
    expect(secrets.reveal('s2')).toBe('ab/c+d=')
  })

  it('replaces a secret echoed back anywhere, encoded or JSON-escaped, by its value', () => {
    const secrets = new SecretBox()
    secrets.add('s3cr3t "quoted" ~value', 'client_secret')
    const echoed = {
      request: {
        method: 'GET',
        url: `https://op.example/cb?note=${encodeURIComponent('s3cr3t "quoted" ~value')}`,
        headers: {},
      },
      response: {
        status: 400,
        headers: {},
        body: JSON.stringify({ error_description: 'bad secret s3cr3t "quoted" ~value' }),
      },
    }
    const text = JSON.stringify(redactExchange(echoed, secrets))
    expect(text).not.toContain('s3cr3t')
    expect(text.match(/«secret:s1:client_secret»/g)).toHaveLength(2)
  })

  it('redacts code and tokens in a callback URL, query and fragment, and keeps state readable', () => {
    const secrets = new SecretBox()
    const url = 'http://127.0.0.1:5000/cb?code=x1&state=st-123#access_token=at%2Fz&state=st-123'
    const redacted = redactExchange({ request: { method: 'GET', url, headers: {} } }, secrets)
    expect(redacted.request.url).toBe(
      'http://127.0.0.1:5000/cb?code=«secret:s1:code»&state=st-123#access_token=«secret:s2:access_token»&state=st-123',
    )
  })
})
