// The renderer's download weight: the gzip size of each built JS and CSS file a first page load
// asked for, read from out/renderer (zlib's default level, as Vite's build report uses).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export type RendererFile = { file: string; bytes: number; gzipBytes: number }

/** Sizes the JS and CSS among `requestedUrls` that `rendererDir` holds (same path, any origin). */
export async function measureRendererGzip(
  rendererDir: string,
  requestedUrls: string[],
): Promise<{ totalGzipBytes: number; files: RendererFile[] }> {
  const paths = new Set(
    requestedUrls
      .map((url) => new URL(url).pathname)
      .filter((pathname) => /\.(m?js|css)$/.test(pathname)),
  )
  const files = await Promise.all(
    [...paths].sort().map(async (pathname) => {
      const content = await readFile(join(rendererDir, pathname))
      return { file: pathname.slice(1), bytes: content.length, gzipBytes: gzipSync(content).length }
    }),
  )
  return { totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files }
}
