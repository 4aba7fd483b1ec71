// Finds the Electron executable that `npm install electron` would have downloaded, without
// requiring the electron package (which tries to download the binary when it is missing).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function findElectronBinary(appRoot: string): string | null {
  let packageDir: string
  try {
    packageDir = dirname(
      createRequire(join(appRoot, 'package.json')).resolve('electron/package.json'),
    )
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
