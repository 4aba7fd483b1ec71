// Maps a URL path to a file inside the built renderer folder, for both the app:// scheme and the
// web host, refusing anything that would resolve outside it (../, encoded separators, drives).
import { isAbsolute, relative, resolve } from 'node:path'

export function resolveStaticFile(rootDir: string, urlPathname: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const file = resolve(rootDir, `.${pathname === '/' ? '/index.html' : pathname}`)
  const inside = relative(rootDir, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}
