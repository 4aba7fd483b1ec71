// Opens a URL in the user's default browser when this machine has a way to, and says whether it did.
import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

export function openSystemBrowser(url: string): boolean {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  if (!isOnPath(command)) return false
  const child = spawn(command, args, { detached: true, stdio: 'ignore' })
  child.on('error', () => {}) // a missing desktop session is not worth a crash; the URL is printed
  child.unref()
  return true
}

function isOnPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}
