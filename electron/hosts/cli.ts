// The afx command's entry point: wires runCli to this process's streams, signals and files.
import { createInterface, type Interface } from 'node:readline'
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

// The AWS SDK warns on every start that its 2027 releases will need Node 22: eight lines on stderr
// of a command whose errors are one line. Node 20 runs it fine today; the README says which Node.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

let terminal: Interface | undefined
/** Questions go to stderr, so stdout stays the run's output (--json stays parseable). */
const ask = (question: string) =>
  new Promise<string>((resolve, reject) => {
    terminal ??= createInterface({ input: process.stdin, output: process.stderr })
    const onClose = () => reject(new Error('stdin closed'))
    terminal.once('close', onClose)
    terminal.question(question, (line) => {
      terminal?.off('close', onClose)
      resolve(line)
    })
  })

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
  ask,
  untilInterrupted,
  now: () => Date.now(),
})
// An open question interface would keep stdin, and so this process, alive.
terminal?.close()
