// How a profile reaches its provider: an issuer to discover, endpoints typed by hand, or a Cognito
// user pool (region, pool id, and optionally another API host and the hosted UI domain).
import { bindDraft } from '../../components/bind-draft'
import { SelectField, TextField } from '../../components/FormFields'
import { ENDPOINT_FIELDS, type ProviderDraft } from './profile-draft'

type Props = {
  provider: ProviderDraft
  onChange: (change: Partial<ProviderDraft>) => void
}

const KINDS: readonly { value: ProviderDraft['kind']; label: string }[] = [
  { value: 'issuer', label: 'Issuer (read its discovery document)' },
  { value: 'endpoints', label: 'Endpoints typed by hand' },
  { value: 'cognito', label: 'Cognito user pool' },
]

export function ProviderFields({ provider, onChange }: Props) {
  const bind = bindDraft(provider, onChange)
  return (
    <fieldset className="provider-fields">
      <legend>Provider</legend>
      <div className="form-grid">
        <SelectField label="Reached through" {...bind('kind')} options={KINDS} />
        {provider.kind === 'issuer' && (
          <TextField
            label="Issuer"
            {...bind('issuer')}
            placeholder="https://login.example.com"
            required
          />
        )}
        {provider.kind === 'endpoints' &&
          ENDPOINT_FIELDS.map(({ name, label }) => (
            <TextField
              key={name}
              label={label}
              value={provider.endpoints[name] ?? ''}
              onChange={(value) =>
                onChange({ endpoints: { ...provider.endpoints, [name]: value } })
              }
            />
          ))}
        {provider.kind === 'cognito' && (
          <>
            <TextField label="Region" {...bind('region')} placeholder="us-east-1" required />
            <TextField
              label="User pool ID"
              {...bind('userPoolId')}
              placeholder="us-east-1_AbC123"
              required
            />
            <TextField
              label="API endpoint"
              {...bind('apiEndpoint')}
              placeholder="https://cognito-idp.<region>.amazonaws.com/ when empty"
            />
            <TextField
              label="Hosted UI domain"
              {...bind('hostedUiDomain')}
              placeholder="https://<prefix>.auth.<region>.amazoncognito.com"
            />
          </>
        )}
      </div>
    </fieldset>
  )
}
