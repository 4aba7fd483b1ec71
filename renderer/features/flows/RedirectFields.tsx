// Where the provider sends the browser back: a loopback host, a port (a free one for each run
// unless the client is registered with a fixed one) and a path, as registered for the client.
// @see RFC 8252 §7.3 (loopback redirect: any port)
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextField } from '../../components/FormFields'
import type { FlowDetails } from './flow-choices'

type Props = {
  details: FlowDetails
  onChange: (change: Partial<FlowDetails>) => void
  /** Logout comes back to its own path, /logged-out. */
  withPath: boolean
}

export function RedirectFields({ details, onChange, withPath }: Props) {
  const bind = bindDraft(details, onChange)
  return (
    <>
      <SelectField
        label="Redirect host"
        {...bind('redirectHost')}
        options={['127.0.0.1', 'localhost', '[::1]'] as const}
      />
      <TextField
        label="Redirect port"
        {...bind('redirectPort')}
        placeholder="a free port for each run"
      />
      {withPath && <TextField label="Redirect path" {...bind('redirectPath')} required />}
    </>
  )
}
