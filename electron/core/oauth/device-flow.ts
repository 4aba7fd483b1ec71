// The device authorization grant: the device shows a code, the person enters it on another
// screen, and the device polls the token endpoint until the person has finished.
// @see RFC 8628 https://www.rfc-editor.org/rfc/rfc8628
import * as oidc from 'openid-client'
import type { DeviceFlowInput } from '../../../shared/flow-input'
import { AfxError } from '../errors'
import type { FlowDefinition } from '../runs/flow-registry'
import type { RunContext } from '../runs/run-context'
import { configureClient } from './configure-client'
import { describePendingPoll } from './device-poll-answer'
import { keepTokens } from './keep-tokens'
import { requireEndpoint } from './require-endpoint'

export const deviceFlow: FlowDefinition<DeviceFlowInput> = {
  title: (input) => `Device authorization (${input.client.clientId})`,
  async run(ctx, input) {
    const config = await configureClient(ctx, input.provider, input.client)
    requireEndpoint(config, 'device_authorization_endpoint')
    config[oidc.customFetch] = ctx.fetchFor({
      title: 'Ask the device authorization endpoint for a device code and a user code',
      explain: 'oauth.device-authorization',
    })
    const parameters: Record<string, string> = { ...input.client.extraParams }
    if (input.client.scope) parameters.scope = input.client.scope
    const device = await oidc.initiateDeviceAuthorization(config, parameters)
    const interval = device.interval ?? input.fallbackIntervalSeconds
    const page = device.verification_uri_complete ?? device.verification_uri
    await ctx.browser(
      { title: 'Show the user the code and where to enter it', explain: 'oauth.device-user-code' },
      new URL(page),
      {
        open: input.browser === 'system',
        outputs: {
          user_code: device.user_code,
          verification_uri: device.verification_uri,
          ...(device.verification_uri_complete
            ? { verification_uri_complete: device.verification_uri_complete }
            : {}),
          expires_in: device.expires_in,
          interval: device.interval ?? `${interval} (none given; RFC 8628 §3.2 says 5)`,
        },
      },
    )
    config[oidc.customFetch] = numberedPolls(ctx)
    // The code dies after expires_in: polling stops then, whatever the provider would answer.
    const expiry = AbortSignal.timeout(device.expires_in * 1000)
    try {
      const tokens = await oidc.pollDeviceAuthorizationGrant(
        config,
        { ...device, interval },
        {},
        { signal: AbortSignal.any([ctx.signal, expiry]) },
      )
      keepTokens(ctx, tokens)
      return { failed: false }
    } catch (error) {
      if (expiry.aborted && !ctx.signal.aborted) throw codeExpired(device.expires_in, error)
      throw error
    }
  },
}

/**
 * Each poll becomes its own http step, numbered, with the wait before it, so `interval` and
 * `slow_down` can be seen at work; a pending answer is a done step with a note.
 * @see RFC 8628 §3.4, §3.5 https://www.rfc-editor.org/rfc/rfc8628#section-3.4
 */
function numberedPolls(ctx: RunContext): typeof fetch {
  let count = 0
  let since = performance.now()
  return async (input, init) => {
    count += 1
    const waited = Math.round((performance.now() - since) / 100) / 10
    try {
      return await ctx.fetchFor(
        {
          title: `Poll the token endpoint (${count}, after ${waited} s)`,
          explain: 'oauth.device-poll',
        },
        { expectedError: describePendingPoll },
      )(input, init)
    } finally {
      since = performance.now()
    }
  }
}

function codeExpired(expiresIn: number, cause: unknown): AfxError {
  return new AfxError(
    'OAUTH_DEVICE_CODE_EXPIRED',
    `The device code expired (expires_in: ${expiresIn} s) before the user finished.`,
    {
      hint: 'Start again, and enter the user code at the verification page before it expires.',
      ref: 'RFC 8628 §3.5',
      cause,
    },
  )
}
