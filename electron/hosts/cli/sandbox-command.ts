// `afx sandbox`: runs the OpenID provider and the Cognito-compatible pool until interrupted, and
// prints what a client needs to use them, then every SMS or email code the pool sends.
import type { OutboxMessage, SandboxStatus } from '../../../shared/sandbox-model'
import { AfxError } from '../../core/errors'
import type { CliContext } from './cli-context'

/** Starts the sandbox and prints its description; resolves once it runs. */
export async function sandboxCommand(json: boolean, ctx: CliContext): Promise<void> {
  const status = await ctx.core.sandbox.start()
  if (status.state !== 'running' || !status.oidc || !status.cognito) {
    throw new AfxError(
      status.error?.code ?? 'INTERNAL_ERROR',
      `The sandbox did not start: ${status.error?.message ?? 'unknown reason'}`,
      { hint: status.error?.hint },
    )
  }
  // Subscribe before printing, so no code sent right after start-up is missed.
  ctx.core.events.subscribe((event, payload) => {
    if (event !== 'sandbox.messageSent') return
    const message = payload as OutboxMessage
    ctx.stdout(json ? JSON.stringify({ event: 'message', ...message }) : formatMessage(message))
  })
  ctx.stdout(
    json ? JSON.stringify({ oidc: status.oidc, cognito: status.cognito }) : describe(status),
  )
}

function formatMessage(message: OutboxMessage): string {
  return `${message.at}  ${message.channel.toUpperCase()} to ${message.to} (${message.username}, ${message.purpose}): ${message.code}`
}

function describe({ oidc, cognito }: SandboxStatus): string {
  const lines = [
    `OpenID provider   ${oidc?.issuer}`,
    `  discovery       ${oidc?.issuer}/.well-known/openid-configuration`,
  ]
  for (const client of oidc?.clients ?? []) {
    lines.push(`  client          ${client.client_id.padEnd(24)} ${client.label}`)
  }
  for (const user of oidc?.users ?? []) {
    lines.push(
      `  user            ${`${user.username} / ${user.password}`.padEnd(24)} ${user.label}`,
    )
  }
  lines.push(
    '',
    `Cognito user pool ${cognito?.endpoint}  (${cognito?.region}, ${cognito?.userPoolId})`,
  )
  lines.push(`  issuer          ${cognito?.issuer}`)
  for (const client of cognito?.clients ?? []) {
    lines.push(`  app client      ${client.clientId.padEnd(28)} ${client.label}`)
  }
  for (const user of cognito?.users ?? []) {
    const totp = user.totpSecret ? `, TOTP secret ${user.totpSecret}` : ''
    lines.push(
      `  user            ${`${user.username} / ${user.password}`.padEnd(28)} ${user.label}${totp}`,
    )
  }
  lines.push('', 'SMS and email codes appear below as they are sent. Ctrl+C stops the sandbox.')
  return lines.join('\n')
}
