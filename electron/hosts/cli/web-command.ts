// `afx web`: serves the app to the browser until interrupted.
import { AfxError } from '../../core/errors'
import { startWebHost, type WebHost } from '../web'
import { openSystemBrowser } from '../open-system-browser'
import type { CliContext } from './cli-context'
import { parsePort } from './parse-port'

export type WebCommandOptions = {
  port: string | undefined
  open: boolean
  rendererDir: string
  /** The line printed once the host listens; it must contain the URL (one-time code included). */
  announce: (url: string) => string
}

export async function webCommand(options: WebCommandOptions, ctx: CliContext): Promise<WebHost> {
  const port = parsePort('--port', options.port) ?? 0
  const host = await startWebHost({
    impl: ctx.core.impl,
    events: ctx.core.events,
    rendererDir: options.rendererDir,
    port,
    now: ctx.now,
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AfxError('WEB_PORT_IN_USE', `Port ${port} on 127.0.0.1 is already in use.`, {
        hint: 'Choose another with --port, or leave --port out to take a free one.',
      })
    }
    throw error
  })
  ctx.stdout(options.announce(host.url))
  // The browser's command line shows the code to every local user, but it works once (and only
  // for a few minutes); the browser trades it for a session key as soon as the page loads.
  if (options.open) openSystemBrowser(new URL(host.url))
  return host
}
