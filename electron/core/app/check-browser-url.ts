// What may be handed to a browser: an http(s) URL, plain http only to this computer, with no
// control characters and no more than a browser keeps. Anything else is refused before a process
// is spawned, so a hostile authorization_endpoint cannot become a command or a file:// path.
import { isLoopbackHttpUrl } from '../../../shared/loopback-hosts'
import { AfxError } from '../errors'

/** Longer URLs are cut or refused by some browsers and by Windows' URL handler. */
const MAX_URL_LENGTH = 8192

export function checkBrowserUrl(url: URL): string {
  const href = url.href
  if (url.protocol !== 'https:' && !isLoopbackHttpUrl(url)) {
    throw new AfxError(
      'BROWSER_URL_REFUSED',
      `Refused to open ${url.protocol}//${url.host} in a browser.`,
      {
        hint: 'Only https URLs (and http on this computer, such as the sandbox) are opened.',
      },
    )
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (href.length > MAX_URL_LENGTH || /[\u0000-\u001f\u007f-\u009f]/.test(href)) {
    throw new AfxError(
      'BROWSER_URL_REFUSED',
      'Refused to open a URL that is too long or holds control characters.',
      {
        hint: `A sign-in URL is at most ${MAX_URL_LENGTH} characters of printable text.`,
      },
    )
  }
  return href
}
