// A token report as Markdown, for a tester to paste into a bug: the verdict, every check with its
// rule, the pitfalls, and the claims explained. The report never holds the token itself, so
// neither does this; text from the token is escaped so it cannot break the tables or add markup.
import type { ClaimLine, TokenCheck, TokenReport } from './token-report'

const KIND_TEXT: Record<TokenReport['kind'], string> = {
  jws: 'signed JWT (JWS)',
  jwe: 'encrypted JWT (JWE)',
  unsecured: 'unsecured JWT (alg none)',
  opaque: 'opaque token',
  malformed: 'malformed token',
}

const TYPE_TEXT: Record<TokenReport['tokenType']['type'], string> = {
  id_token: 'ID token',
  access_token: 'access token',
  cognito_id: 'Cognito ID token',
  cognito_access: 'Cognito access token',
  logout_token: 'logout token',
  unknown: 'token of unknown type',
}

/** The signature verdict in words, for the report on screen and in Markdown alike. */
export const SIGNATURE_TEXT: Record<TokenReport['signature']['status'], string> = {
  valid: 'Signature valid',
  invalid: 'Signature INVALID',
  not_checked: 'Signature not checked',
  unsupported: 'Signature algorithm not supported here',
}

const CHECK_MARK: Record<TokenCheck['status'], string> = {
  pass: '✓ pass',
  fail: '✗ FAIL',
  warn: '! warn',
  skip: '– skip',
}

/** The report as a Markdown document. */
export function tokenReportToMarkdown(report: TokenReport): string {
  const { tokenType } = report
  return [
    `# Token report: ${TYPE_TEXT[tokenType.checkedAs]}, ${KIND_TEXT[report.kind]}`,
    '',
    `**Verdict:** ${verdictOf(report)}`,
    '',
    `- Checked as: ${TYPE_TEXT[tokenType.checkedAs]} (looks like: ${TYPE_TEXT[tokenType.type]}; ${inline(tokenType.why)})`,
    `- ${signatureLine(report)}`,
    ...(report.encryption
      ? [
          `- Encryption: ${inline(report.encryption.status)}${algs(report.encryption.alg, report.encryption.enc)}: ${inline(report.encryption.explanation)}`,
        ]
      : []),
    ...(report.serialization ? [`- Serialization: ${inline(report.serialization)}`] : []),
    '',
    '## Checks',
    '',
    ...(report.checks.length === 0 ? ['No checks ran.'] : report.checks.map(checkLine)),
    ...pitfallsSection(report),
    ...headerSection(report),
    ...payloadSection(report),
    '',
    '---',
    '_Made by the Auth Flow Explorer token inspector. The token itself is not included._',
    '',
  ].join('\n')
}

/** "✗ 2 checks failed, 1 warning · signature valid": what a reader needs first. */
export function verdictOf(report: TokenReport): string {
  const count = (status: TokenCheck['status']) =>
    report.checks.filter((check) => check.status === status).length
  const failed = count('fail')
  const warned = count('warn')
  const bad = failed > 0 || report.signature.status === 'invalid'
  const checks =
    failed === 0 ? 'every check passed' : `${failed} check${failed === 1 ? '' : 's'} failed`
  const warnings = warned === 0 ? '' : `, ${warned} warning${warned === 1 ? '' : 's'}`
  return `${bad ? '✗' : '✓'} ${checks}${warnings} · ${SIGNATURE_TEXT[report.signature.status]}`
}

function signatureLine(report: TokenReport): string {
  const { signature } = report
  const source = signature.keySource ? ` (key: ${inline(signature.keySource)})` : ''
  return `${SIGNATURE_TEXT[signature.status]}${algs(signature.alg)}${source}. ${inline(signature.explanation)}`
}

function algs(...names: (string | undefined)[]): string {
  const present = names.filter((name) => name !== undefined)
  return present.length === 0 ? '' : `, ${present.map(code).join(' ')}`
}

function checkLine(check: TokenCheck): string {
  const comparison =
    check.expected !== undefined || check.actual !== undefined
      ? ` (expected ${code(check.expected ?? '—')}, got ${code(check.actual ?? '—')})`
      : ''
  const because = check.code ? ` [${code(check.code)}]` : ''
  return `- ${CHECK_MARK[check.status]} ${code(check.id)}: ${inline(check.message)}${comparison}${because} · ${inline(check.ref)}`
}

function pitfallsSection(report: TokenReport): string[] {
  if (report.pitfalls.length === 0) return []
  return [
    '',
    '## Pitfalls',
    ...report.pitfalls.flatMap((pitfall) => [
      '',
      `### ${inline(pitfall.title)}`,
      '',
      inline(pitfall.explanation),
      '',
      `**What to do:** ${inline(pitfall.hint)}`,
      '',
      `See ${inline(pitfall.ref)}${pitfall.link ? ` (${linkOf(pitfall.link)})` : ''}`,
    ]),
  ]
}

function headerSection(report: TokenReport): string[] {
  if (report.header === undefined) return []
  return [
    '',
    '## Header',
    '',
    '| Parameter | Value |',
    '| --- | --- |',
    ...Object.entries(report.header).map(
      ([name, value]) => `| ${code(name)} | ${jsonCode(value)} |`,
    ),
  ]
}

function payloadSection(report: TokenReport): string[] {
  if (report.payload === undefined) {
    return ['', '## Payload', '', inline(report.payloadNote ?? 'The token has no payload to read.')]
  }
  return [
    '',
    '## Payload claims',
    '',
    '| Claim | Value | Meaning |',
    '| --- | --- | --- |',
    ...claimsOf(report).map(
      (claim) => `| ${code(claim.name)} | ${claimValue(claim)} | ${meaning(claim)} |`,
    ),
  ]
}

/** The described claims; the bare payload when the report described none. */
function claimsOf(report: TokenReport): ClaimLine[] {
  if (report.claims.length > 0) return report.claims
  return Object.entries(report.payload ?? {}).map(([name, value]) => ({
    name,
    value,
    known: false,
  }))
}

/** A time claim as an ISO date beside its number: a reader should not have to convert it. */
function claimValue(claim: ClaimLine): string {
  if (claim.time === undefined || typeof claim.value !== 'number') return jsonCode(claim.value)
  const iso = new Date(claim.value * 1000).toISOString()
  return `${jsonCode(claim.value)}<br>${code(iso)} (${inline(claim.time.relative)})`
}

function meaning(claim: ClaimLine): string {
  const description = claim.description ? inline(claim.description) : ''
  const source = claim.source ? ` (${inline(claim.source)})` : ''
  return `${description}${source}`
}

/** A JSON value as code, so nothing in it is read as Markdown. */
function jsonCode(value: unknown): string {
  return code(JSON.stringify(value) ?? String(value))
}

/**
 * A code span that holds any text: fenced by more backticks than the text has in a row, its
 * pipes escaped (GFM reads them as cell borders even in code), its line breaks made visible.
 * @see CommonMark 0.31 §6.1 (code spans), GFM §4.10 (tables)
 */
function code(text: string): string {
  const flat = text
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** An https link as an autolink; anything else as text. */
function linkOf(url: string): string {
  return /^https:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : inline(url)
}

/**
 * Prose from the report or the token, on one line: the characters that would start markup, a
 * link, a block or a cell border are escaped, and a line break becomes <br> (a table cell is one line).
 * @see CommonMark 0.31 §2.4 (backslash escapes)
 */
function inline(text: string): string {
  return (
    text
      .replace(/[\\`*[\]<>|]/g, (char) => `\\${char}`)
      // At the start of a line these would begin a heading, a list or a rule.
      .replace(/^[#+=-]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/\r\n|\r|\n/g, '<br>')
      .replace(/\p{Cc}/gu, ' ')
  )
}
