// Starts a server as a child process and waits for the first http://127.0.0.1 URL it prints
// (the built web host announces its one-time address that way); stopping it waits for the exit.
import { spawn } from 'node:child_process'

/** Longer than any start-up here; a host that has printed nothing by then is stuck. */
const ANNOUNCE_TIMEOUT_MS = 20_000
/** A polite SIGINT first (the host closes its ports); SIGKILL if it has not exited by then. */
const STOP_GRACE_MS = 5_000

export type AnnouncingServer = {
  /** The first http://127.0.0.1:… URL printed, exactly as printed. */
  url: string
  stop: () => Promise<void>
}

/** Spawns `process.execPath args` and resolves once it has printed a loopback URL. */
export async function spawnAnnouncingServer(args: string[]): Promise<AnnouncingServer> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGINT')
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    await exited
    clearTimeout(timer)
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(
        () => reject(new Error(`no URL printed in ${ANNOUNCE_TIMEOUT_MS} ms:\n${output}`)),
        ANNOUNCE_TIMEOUT_MS,
      )
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+\S*/.exec(output)
        if (match === null) return
        clearTimeout(timer)
        resolve(match[0])
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      void exited.then(() => reject(new Error(`exited with ${child.exitCode}:\n${output}`)))
    })
    return { url, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
