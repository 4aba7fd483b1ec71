// Serves the built renderer's files to the browser, with the app's CSP on every response.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { ServerResponse } from 'node:http'
import { extname, relative } from 'node:path'
import { resolveStaticFile } from '../../core/app/resolve-static-file'
import { sendText } from './respond'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export async function serveStatic(rendererDir: string, pathname: string, res: ServerResponse) {
  const requested = resolveStaticFile(rendererDir, pathname)
  // Follow links, then check again: a symlink must not lead out of the renderer folder.
  const real = requested === null ? null : await realpath(requested).catch(() => null)
  const root = await realpath(rendererDir).catch(() => rendererDir)
  const file =
    real !== null && resolveStaticFile(root, `/${relative(root, real)}`) === real ? real : null
  const info = file === null ? null : await stat(file).catch(() => null)
  if (file === null || info === null || !info.isFile()) {
    sendText(res, 404, `Not found: ${pathname}`)
    return
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  })
  // A read error mid-way ends this response only, never the host.
  await pipeline(createReadStream(file), res).catch(() => res.destroy())
}
