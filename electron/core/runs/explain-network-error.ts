// Turns a failed fetch (no HTTP response at all) into words: refused, unknown host, bad TLS
// certificate, timeout, too large.
import type { Diagnostic } from '../../../shared/run-model'

const BY_CODE: Record<string, { code: string; message: string; hint: string }> = {
  ECONNREFUSED: {
    code: 'HTTP_CONNECTION_REFUSED',
    message: 'Nothing is listening at that address (connection refused).',
    hint: 'Check the host and port; is the provider (or the sandbox) running?',
  },
  ENOTFOUND: {
    code: 'HTTP_DNS_FAILED',
    message: 'The host name could not be found (DNS lookup failed).',
    hint: 'Check the spelling of the host, and that this computer is online.',
  },
  EAI_AGAIN: {
    code: 'HTTP_DNS_FAILED',
    message: 'The host name could not be resolved right now (DNS lookup failed).',
    hint: 'Check that this computer is online, then try again.',
  },
  ECONNRESET: {
    code: 'HTTP_CONNECTION_RESET',
    message: 'The server closed the connection before answering.',
    hint: 'The server may be overloaded, or something between you and it cut the connection.',
  },
  // undici's name for a connection the server closed, before the headers or part-way through the
  // body: either way no whole answer arrived.
  UND_ERR_SOCKET: {
    code: 'HTTP_CONNECTION_RESET',
    message: 'The server closed the connection before its answer was complete.',
    hint: 'The server may have crashed or restarted, or a proxy cut the connection; try again.',
  },
  HPE_INVALID_CONSTANT: {
    code: 'HTTP_NOT_HTTP',
    message: 'What answers at that address does not speak HTTP.',
    hint: 'Check the port: another kind of server (SSH, a database, a mail server) listens there.',
  },
  ERR_SSL_WRONG_VERSION_NUMBER: {
    code: 'HTTP_TLS_NOT_SPOKEN',
    message: 'The server at that address does not speak TLS, so https:// cannot reach it.',
    hint: 'Use http:// for a local server without TLS (such as the sandbox), or the https port.',
  },
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    code: 'HTTP_TLS_UNTRUSTED',
    message: "The server's TLS certificate is self-signed, so it cannot be trusted.",
    hint: "Use the provider's real address, or trust this certificate explicitly in the profile.",
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    code: 'HTTP_TLS_UNTRUSTED',
    message: "The server's TLS certificate chain ends in a self-signed certificate.",
    hint: 'A proxy or a private CA may be in the way; trust its certificate explicitly if you mean to.',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    code: 'HTTP_TLS_UNTRUSTED',
    message: "The server's TLS certificate is signed by an authority this computer does not trust.",
    hint: 'A private CA or an intercepting proxy may be in the way; trust its certificate explicitly if you mean to.',
  },
  CERT_HAS_EXPIRED: {
    code: 'HTTP_TLS_UNTRUSTED',
    message: "The server's TLS certificate has expired.",
    hint: 'The provider must renew its certificate; check the computer clock too.',
  },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    code: 'HTTP_TLS_UNTRUSTED',
    message: "The server's TLS certificate is for another host name.",
    hint: 'Check the host in the URL against the name on the certificate.',
  },
}

export function explainNetworkError(error: unknown, timeoutMs: number): Diagnostic {
  if (isAbortLike(error)) {
    return {
      code: 'HTTP_TIMEOUT',
      severity: 'error',
      message: `No answer within ${Math.round(timeoutMs / 1000)} seconds.`,
      hint: 'The server is slow or stalled; try again, or raise the timeout.',
    }
  }
  const cause = (error as Error | undefined)?.cause
  if (cause instanceof Error && cause.message === 'bad port') {
    return {
      code: 'HTTP_BAD_PORT',
      severity: 'error',
      message: 'This port is reserved for another protocol, so HTTP clients refuse to use it.',
      hint: "Use the port the provider really listens on (usually 443, or the sandbox's 9400).",
      ref: 'WHATWG Fetch §2.9 (bad ports)',
    }
  }
  const code = causeCode(error)
  const known = code === undefined ? undefined : BY_CODE[code]
  if (known) return { ...known, severity: 'error' }
  return {
    code: 'HTTP_FAILED',
    severity: 'error',
    message: `The request failed before any answer came${code ? ` (${code})` : ''}.`,
    hint: 'Check the URL and that the server is reachable from this computer.',
  }
}

function isAbortLike(error: unknown): boolean {
  const name = (error as Error | undefined)?.name
  return name === 'TimeoutError' || name === 'AbortError'
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
