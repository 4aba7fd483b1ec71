// `--param name=value`, repeated: the extra parameters of a flow or a profile's client.
import { UsageError } from './usage-error'

export function readParams(params: string[]): Record<string, string> {
  return Object.fromEntries(
    params.map((param) => {
      const at = param.indexOf('=')
      if (at < 1) throw new UsageError(`--param takes name=value, not "${param}".`)
      return [param.slice(0, at), param.slice(at + 1)]
    }),
  )
}
