// Reads a port option: a whole number from 0 (any free port) to 65535.
import { UsageError } from './usage-error'

export function parsePort(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new UsageError(`${option} takes a number from 0 to 65535, not "${text}".`)
  }
  return port
}
