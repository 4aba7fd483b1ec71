// An `html` template tag that HTML-escapes every interpolated value, for the pages the core
// serves itself (the sandbox provider's pages, the loopback listener's answers).
// @see https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html

/** Markup that is already safe: produced by `html`, so it is not escaped a second time. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup
  }
}

/**
 * Builds markup from a template, HTML-escaping every value that is not itself `SafeHtml`.
 * @see https://html.spec.whatwg.org/multipage/syntax.html#escapingString
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, i) => out + renderValue(values[i - 1]) + text))
}

function renderValue(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup
  if (Array.isArray(value)) return value.map(renderValue).join('')
  if (value === undefined || value === null || value === false) return ''
  return escapeHtml(String(value))
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}
