// Answers the sandbox provider's sign-in with plain fetch, no browser: follows the redirects to
// its interaction pages, posts the login form and the consent form, carries the cookies by hand,
// and delivers the final redirect to the client's loopback redirect URI. Both sides of the flow
// benchmark use it, so only the client differs.
// @see OpenID Connect Core 1.0 §3.1.2.3-3.1.2.5 (Authenticates, Obtains Consent, Successful Response)

/** A sign-in that bounces more often than this is looping, not progressing. */
const MAX_HOPS = 20

type Cookie = { name: string; value: string; path: string }

/** The cookies a browser would keep for one host: name and path, deleted when expired. */
class CookieJar {
  readonly #cookies = new Map<string, Cookie>()

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator)
      const value = pair.slice(separator + 1)
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || '/'
      const isExpired =
        attributes.some((a) => /^max-age=0$/i.test(a)) ||
        attributes.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now())
      const key = `${name};${path}`
      if (isExpired) this.#cookies.delete(key)
      else this.#cookies.set(key, { name, value, path })
    }
  }

  /** The Cookie header for `url`: every cookie whose path is a prefix of the URL's path. */
  headerFor(url: URL): string {
    return [...this.#cookies.values()]
      .filter(
        ({ path }) => url.pathname === path || url.pathname.startsWith(path.replace(/\/?$/, '/')),
      )
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ')
  }
}

/**
 * Opens `authorizationUrl`, signs `user` in, allows consent when asked, and fetches the
 * `redirect_uri` the provider sends back to, as the browser would. Resolves once the client's
 * listener has answered that request.
 */
export async function signInByFetch(
  authorizationUrl: string,
  user: { username: string; password: string },
): Promise<void> {
  const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri')
  if (redirectUri === null) throw new Error('The authorization URL has no redirect_uri.')
  const jar = new CookieJar()
  let next: { url: URL; form?: URLSearchParams } = { url: new URL(authorizationUrl) }
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (`${next.url.origin}${next.url.pathname}` === redirectUri) {
      const callback = await fetch(next.url)
      await callback.arrayBuffer()
      return
    }
    const response = await fetch(next.url, {
      method: next.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.headerFor(next.url),
        ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: next.form?.toString(),
    })
    jar.store(response)
    const location = response.headers.get('location')
    if (location !== null) {
      await response.arrayBuffer()
      next = { url: new URL(location, next.url) }
      continue
    }
    next = answerPage(await response.text(), next.url, user)
  }
  throw new Error(`The sign-in did not reach ${redirectUri} in ${MAX_HOPS} hops.`)
}

/** The form a person would submit on this page: the login form, else the consent form's Allow. */
function answerPage(
  page: string,
  pageUrl: URL,
  user: { username: string; password: string },
): { url: URL; form: URLSearchParams } {
  const alert = /role="alert">([\s\S]*?)<\/p>/.exec(page)?.[1]
  if (alert !== undefined) {
    throw new Error(`The sandbox refused the sign-in: ${alert.replace(/<[^>]+>/g, '')}`)
  }
  const login = /action="([^"]*\/login)"/.exec(page)
  if (login !== null && page.includes('name="password"')) {
    const form = new URLSearchParams({ username: user.username, password: user.password })
    return { url: new URL(login[1]!, pageUrl), form }
  }
  const consent = /action="([^"]*\/consent)"/.exec(page)
  if (consent !== null) return { url: new URL(consent[1]!, pageUrl), form: new URLSearchParams() }
  throw new Error(`The sandbox showed neither sign-in nor consent: ${page.slice(0, 200)}`)
}
