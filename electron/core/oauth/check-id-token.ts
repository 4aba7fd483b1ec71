// The last step of a flow that returns an ID token: verify its signature with jose and check every
// claim, as a check step a person can read line by line. openid-client has checked some of this
// already; we check it all again ourselves and say so, because it accepts over TLS what we flag.
// @see OIDC Core §3.1.3.7 (ID Token Validation)
import type { Diagnostic } from '../../../shared/run-model'
import type { TokenCheck, TokenFlow, TokenReport } from '../../../shared/token-report'
import type { RunContext } from '../runs/run-context'
import type { StepMeta } from '../runs/run-recorder'
import { inspectToken } from '../tokens/inspect-token'

export type IdTokenExpectations = {
  issuer: string
  clientId: string
  nonce?: string | undefined
  accessToken?: string | undefined
  code?: string | undefined
  state?: string | undefined
  flow: TokenFlow
  /** The time the token is checked at (ms since 1970); now when absent. */
  checkedAtMs?: number | undefined
  /**
   * The provider metadata the flow already holds (`config.serverMetadata()`): when it names a
   * jwks_uri, only the key set is fetched, not the discovery document a second time.
   */
  metadata?: Readonly<Record<string, unknown>> | undefined
}

/** Runs the checks and records them; returns whether every one passed. */
export async function checkIdToken(
  ctx: RunContext,
  idToken: string,
  expectations: IdTokenExpectations,
): Promise<boolean> {
  return (await verifyIdToken(ctx, idToken, expectations)).length === 0
}

/** Runs the checks and records them; returns the lines that failed (none: the token passed). */
export async function verifyIdToken(
  ctx: RunContext,
  idToken: string,
  expectations: IdTokenExpectations,
): Promise<Diagnostic[]> {
  const { issuer, checkedAtMs, metadata, ...rest } = expectations
  const report = await inspectToken(
    { token: idToken, expect: { kind: 'id_token', issuer, ...rest }, key: { kind: 'issuer' } },
    {
      fetch: ctx.fetchFor({
        title: "Fetch the provider's keys to verify the ID token",
        explain: 'tokens.jwks',
      }),
      ...(checkedAtMs === undefined ? {} : { now: () => checkedAtMs }),
      // Endpoints typed by hand may lack jwks_uri: then the keys are found by discovery.
      ...(typeof metadata?.jwks_uri === 'string' ? { issuerMetadata: metadata } : {}),
    },
  )
  recordTokenReport(
    ctx,
    { title: 'Verify the ID token: signature and every claim', explain: 'tokens.id-token-checks' },
    report,
  )
  return toDiagnostics(report).filter((diagnostic) => diagnostic.severity === 'error')
}

/** Records an inspector's report as a check step, one diagnostic per line; true if all passed. */
export function recordTokenReport(
  ctx: RunContext,
  meta: Omit<StepMeta, 'kind'>,
  report: TokenReport,
): boolean {
  return ctx.check(meta, toDiagnostics(report), {
    signature: report.signature.status,
    key: report.signature.keySource,
    passed: report.checks.filter((check) => check.status === 'pass').length,
    failed: report.checks.filter((check) => check.status === 'fail').length,
  })
}

const SEVERITY = { fail: 'error', warn: 'warning', pass: 'info', skip: 'info' } as const

function toDiagnostics(report: TokenReport): Diagnostic[] {
  return report.checks.map(checkToDiagnostic)
}

/** One line of the inspector's report as a run diagnostic; a passed line says so, as info. */
export function checkToDiagnostic(check: TokenCheck): Diagnostic {
  return {
    code: check.code ?? `TOKEN_${check.id.toUpperCase()}_OK`,
    severity: SEVERITY[check.status],
    message: check.message,
    ref: check.ref,
    ...(check.expected === undefined ? {} : { expected: check.expected }),
    ...(check.actual === undefined ? {} : { actual: check.actual }),
  }
}
