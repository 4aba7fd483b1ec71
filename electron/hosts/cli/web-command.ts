// `afx web`: serves the app to the browser until interrupted.
import { EventBus } from '../../core/event-bus'
import { AfxError } from '../../core/errors'
import { startWebHost, type WebHost } from '../web'
import { openSystemBrowser } from '../open-system-browser'
import type { CliContext } from './cli-context'
import { UsageError } from './usage-error'

export type WebCommandOptions = {
  port: string | undefined
  open: boolean
  rendererDir: string
  /** The line printed once the host listens; it must contain the URL. */
  announce: (url: string) => string
}

export async function webCommand(options: WebCommandOptions, ctx: CliContext): Promise<WebHost> {
  const port = parsePort(options.port)
  const host = await startWebHost({
    impl: ctx.impl,
    events: new EventBus(),
    rendererDir: options.rendererDir,
    port,
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AfxError('WEB_PORT_IN_USE', `Port ${port} on 127.0.0.1 is already in use.`, {
        hint: 'Choose another with --port, or leave --port out to take a free one.',
      })
    }
    throw error
  })
  ctx.stdout(options.announce(host.url))
  if (options.open) openSystemBrowser(host.url)
  return host
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new UsageError(`--port takes a number from 0 to 65535, not "${text}".`)
  }
  return port
}
