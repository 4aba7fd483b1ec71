// Where Auth Flow Explorer keeps its data: the same folder for every face, so the Electron app,
// browser mode and the CLI share profiles and history.
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

export const PRODUCT_NAME = 'Auth Flow Explorer'

export type DataDirSources = {
  /** The value of `--data-dir`, when given. */
  flag?: string | undefined
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  home?: string
}

/**
 * `--data-dir`, else `AFX_DATA_DIR`, else the OS's usual place for application data
 * (the same folder Electron's `app.getPath('userData')` gives).
 */
export function resolveDataDir(sources: DataDirSources = {}): string {
  const env = sources.env ?? process.env
  const chosen = sources.flag || env.AFX_DATA_DIR
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(chosen)
  const home = sources.home ?? homedir()
  switch (sources.platform ?? process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME)
    case 'win32':
      return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME)
  }
}

/** Reads `--name value` or `--name=value` from an argv that may hold other programs' flags. */
export function findFlagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === name) return argv[i + 1]
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1)
  }
  return undefined
}
