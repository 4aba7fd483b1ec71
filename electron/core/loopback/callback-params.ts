// Reads the parameters of an authorization response (a query, a form_post body or a relayed
// fragment) into a plain object, refusing any parameter that appears twice.
// @see RFC 6749 §3.1 https://www.rfc-editor.org/rfc/rfc6749#section-3.1

export type ReadParams = { params: Record<string, string> } | { repeated: string }

/**
 * Parses `application/x-www-form-urlencoded` text. Parsing is lenient (broken percent-encoding
 * becomes U+FFFD), so hostile input yields a state that matches nothing rather than an error.
 * @see RFC 6749 §3.1 https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export function readResponseParams(text: string): ReadParams {
  const search = new URLSearchParams(text)
  const seen = new Set<string>()
  for (const name of search.keys()) {
    // "Parameters MUST NOT be included more than once": with two states, which one is ours?
    if (seen.has(name)) return { repeated: name }
    seen.add(name)
  }
  // fromEntries defines own properties, so a parameter named __proto__ stays plain data.
  return { params: Object.fromEntries(search) }
}
