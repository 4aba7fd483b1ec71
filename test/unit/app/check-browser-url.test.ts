import { describe, expect, it } from 'vitest'
import { checkBrowserUrl } from '../../../electron/core/app/check-browser-url'
import { AfxError } from '../../../electron/core/errors'

describe('checkBrowserUrl', () => {
  it.each([
    'https://login.example.com/authorize?client_id=a&state=b',
    'http://127.0.0.1:9400/auth?x=1',
    'http://localhost:9400/auth',
    'http://[::1]:9400/auth',
  ])('lets %s through', (url) => {
    expect(checkBrowserUrl(new URL(url))).toBe(new URL(url).href)
  })

  it.each([
    ['file:///etc/passwd', /file:/],
    ['javascript:alert(1)', /javascript:/],
    ['http://login.example.com/authorize', /http:\/\/login\.example\.com/],
    ['ms-settings:privacy', /ms-settings:/],
    [`https://example.com/${'a'.repeat(9000)}`, /too long/],
  ])('refuses %s before any browser is started', (url, message) => {
    let error: unknown
    try {
      checkBrowserUrl(new URL(url))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AfxError)
    expect((error as AfxError).code).toBe('BROWSER_URL_REFUSED')
    expect((error as AfxError).message).toMatch(message)
  })
})
