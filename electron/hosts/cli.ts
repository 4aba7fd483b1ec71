// The afx command's entry point: wires runCli to this process's streams, signals and files.
import { fileURLToPath } from 'node:url'
import packageJson from '../../package.json' with { type: 'json' }
import { runCli } from './cli/run-cli'

/** More than any token the contract accepts; reading stops there, so /dev/zero cannot fill memory. */
const MAX_STDIN_BYTES = 256_000

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk)
    size += chunk.length
    if (size > MAX_STDIN_BYTES) break // the contract's length check then says what is wrong
  }
  return Buffer.concat(chunks).toString('utf8')
}

const untilInterrupted = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })

process.exitCode = await runCli(process.argv.slice(2), {
  version: packageJson.version,
  appRoot: fileURLToPath(new URL('../..', import.meta.url)),
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readStdin,
  untilInterrupted,
  now: () => Date.now(),
})
