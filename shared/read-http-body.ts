// Reads an HTTP body for display: JSON to pretty-print, a form to show as a table, or plain text.
// @see RFC 8259 (JSON), WHATWG URL §5 (application/x-www-form-urlencoded)
export type HttpBodyView =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: [name: string, value: string][] }
  | { kind: 'text'; text: string }

/** Looks at the content type first, then at the body itself (many providers omit or blur it). */
export function readHttpBody(body: string, headers: Record<string, string> = {}): HttpBodyView {
  const contentType = headerValue(headers, 'content-type')?.toLowerCase() ?? ''
  const trimmed = body.trim()
  if (contentType.includes('json') || /^[[{]/.test(trimmed)) {
    try {
      return { kind: 'json', value: JSON.parse(trimmed) }
    } catch {
      // Says JSON, is not: show it as it came.
    }
  }
  const isForm =
    contentType.includes('application/x-www-form-urlencoded') ||
    (contentType === '' && /^[\w.~%+-]+=[^\s]*$/.test(trimmed))
  if (isForm && trimmed !== '') {
    return { kind: 'form', fields: [...new URLSearchParams(trimmed)] }
  }
  return { kind: 'text', text: body }
}

/** Header names are case-insensitive. @see RFC 9110 §5.1 */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase()
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1]
}
