// Opens a URL in the user's default browser when this machine has a way to, and says whether it did.
// The URL is checked first and passed as one argument to a program that takes URLs, never to a shell.
import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { checkBrowserUrl } from '../core/app/check-browser-url'

export function openSystemBrowser(url: URL): boolean {
  const href = checkBrowserUrl(url)
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [href]]
      : process.platform === 'win32'
        ? // Not `cmd /c start`: cmd would run whatever follows an & or | in the URL.
          ['rundll32.exe', ['url.dll,FileProtocolHandler', href]]
        : ['xdg-open', [href]]
  if (process.platform !== 'win32' && !isOnPath(command)) return false
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
