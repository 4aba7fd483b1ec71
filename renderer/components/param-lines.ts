// Extra parameters as a person types them: one name=value per line (a value may hold commas, as
// `resource=urn:a,urn:b` does), for the flow forms and the profile editor alike.

/** `audience=https://api` lines → `{ audience: 'https://api' }`. */
export function parseParamLines(text: string): Record<string, string> {
  const params: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const at = line.indexOf('=')
    if (at > 0) params[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return params
}

export function formatParamLines(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')
}
