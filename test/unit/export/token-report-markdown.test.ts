import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../../electron/core/tokens/inspect-token'
import type { InspectTokenInput } from '../../../shared/token-report'
import { tokenReportToMarkdown, verdictOf } from '../../../shared/token-report-markdown'
import {
  FULL_EXPECTATIONS,
  HMAC_SECRET,
  NOW_S,
  createFakeFetch,
  hmacSigner,
  idTokenClaims,
  now,
  sign,
} from '../tokens/token-test-kit'

const key = { kind: 'hmac', secret: HMAC_SECRET } as const

/** The Markdown of an HS256 token made from the good ID token claims with `changes`. */
async function markdownOf(
  changes: Record<string, unknown> = {},
  expect: Partial<NonNullable<InspectTokenInput['expect']>> = {},
) {
  const token = await sign(hmacSigner, { ...idTokenClaims('HS256'), ...changes })
  const report = await inspectToken(
    { token, expect: { ...FULL_EXPECTATIONS, ...expect }, key },
    { now, fetch: createFakeFetch({}).fetch },
  )
  return { token, report, markdown: tokenReportToMarkdown(report) }
}

/** The rows of the table under `heading`, split into cells the way GFM splits them. */
function tableUnder(markdown: string, heading: string): string[][] {
  const after = markdown.slice(markdown.indexOf(`\n${heading}\n`) + heading.length + 2)
  const lines = after.trimStart().split('\n')
  const rows = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  )
  return rows.map((row) =>
    row
      .slice(2, -2)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  )
}

describe('tokenReportToMarkdown', () => {
  it('titles the report with the token kind and gives the verdict first', async () => {
    const { markdown } = await markdownOf()
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '# Token report: ID token, signed JWT (JWS)',
      '',
      '**Verdict:** ✓ every check passed · Signature valid',
    ])
    expect(markdown).toContain('- Signature valid, `HS256`')
  })

  it('writes the header and every claim as tables, times as ISO dates with their meaning', async () => {
    const { markdown, report } = await markdownOf()
    expect(tableUnder(markdown, '## Header')).toEqual([
      ['Parameter', 'Value'],
      ['---', '---'],
      ['`alg`', '`"HS256"`'],
      ['`kid`', '`"hs-1"`'],
    ])
    const claims = tableUnder(markdown, '## Payload claims')
    expect(claims.slice(2).map((row) => row[0])).toEqual(
      report.claims.map((claim) => `\`${claim.name}\``),
    )
    const exp = claims.find((row) => row[0] === '`exp`')!
    expect(exp[1]).toBe(
      `\`${NOW_S + 600}\`<br>\`${new Date((NOW_S + 600) * 1000).toISOString()}\` (expires in 10 minutes)`,
    )
    expect(exp[2]).toMatch(/^\S.*\(RFC 7519 §4\.1\.4\)$/)
  })

  it('lists every check with its mark, words, comparison, code and rule', async () => {
    const { markdown, report } = await markdownOf({ aud: 'someone-else', exp: NOW_S - 3600 })
    expect(verdictOf(report)).toBe('✗ 2 checks failed · Signature valid')
    const lines = markdown.split('\n').filter((line) => /^- [✓✗!–] /.test(line))
    expect(lines).toHaveLength(report.checks.length)
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^- ✗ FAIL `aud`: .+ \(expected `client-1`, got `someone-else`\) \[`TOKEN_AUD_MISMATCH`\] · OIDC Core §3\.1\.3\.7 step 3$/,
      ),
    )
    expect(lines).toContainEqual(expect.stringMatching(/^- ✓ pass `iss`: /))
  })

  it('keeps text from the token from breaking a table or adding markup', async () => {
    const { markdown } = await markdownOf({
      'x|y\nz': 'a | b\nc `one` ``two`` <img src=x onerror=alert(1)>',
      '`name`': '*not emphasis* [not a link](https://evil.example)',
    })
    const claims = tableUnder(markdown, '## Payload claims')
    for (const row of claims) expect(row).toHaveLength(3)
    const odd = claims.find((row) => row[0]?.includes('x\\|y'))!
    expect(odd[0]).toBe('`x\\|y\\nz`')
    expect(odd[1]).toBe('```"a \\| b\\nc `one` ``two`` <img src=x onerror=alert(1)>"```')
    const ticked = claims.find((row) => row[0]?.includes('name'))!
    expect(ticked[0]).toBe('`` `name` ``')
    expect(markdown).not.toMatch(/^[^`]*<img/m) // the tag only ever inside code
  })

  it('names the pitfall with what to do', async () => {
    const { markdown, report } = await markdownOf({}, { kind: 'access_token' })
    const pitfall = report.pitfalls[0]!
    expect(markdown).toContain(`## Pitfalls\n\n### ${pitfall.title}\n\n`)
    expect(markdown).toContain(`See ${pitfall.ref}`)
    expect(markdown).toContain('**What to do:** ')
  })

  it('says why an opaque token has no claims, with no tables', async () => {
    const report = await inspectToken(
      { token: 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y' },
      { now },
    )
    const markdown = tokenReportToMarkdown(report)
    expect(markdown).toContain('# Token report: token of unknown type, opaque token')
    expect(markdown).toContain('## Payload\n\nThe token has no payload to read.')
    expect(markdown).not.toContain('| --- |')
    expect(markdown).not.toContain('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y')
  })

  it('never holds the token, its signature or the key', async () => {
    const { markdown, token } = await markdownOf()
    expect(markdown).not.toContain(token)
    expect(markdown).not.toContain(token.split('.')[2])
    expect(markdown).not.toContain(token.split('.')[1])
    expect(markdown).not.toContain(HMAC_SECRET)
    expect(markdown).toContain('The token itself is not included.')
  })
})
