// Picks the provider family and asks for the few values its addresses are built from (a tenant, a
// realm, a pool id); "Fill in the provider" then fills the provider and the clients' defaults.
import { useState } from 'react'
import {
  findPreset,
  missingPresetFields,
  PROFILE_PRESETS,
  type PresetValues,
} from '../../../shared/profile-presets'
import type { PresetId } from '../../../shared/workspace-model'
import { SelectField, TextField } from '../../components/FormFields'

/** Where the running sandbox really listens, when it runs (its ports move when taken). */
export type SandboxAddresses = { oidc?: string; cognito?: string }

type Props = {
  preset: PresetId
  onPresetChange: (preset: PresetId) => void
  onFill: (values: PresetValues) => void
  sandbox: SandboxAddresses
}

export function PresetPicker({ preset: presetId, onPresetChange, onFill, sandbox }: Props) {
  const [values, setValues] = useState<Record<string, string>>({})
  const preset = findPreset(presetId)
  const missing = missingPresetFields(preset, values)

  const fill = () => {
    if (presetId !== 'sandbox' || values.address) return onFill(values)
    const server = values.server === 'cognito' ? 'cognito' : 'oidc'
    onFill({ ...values, address: sandbox[server] })
  }

  return (
    <fieldset
      className="preset-picker"
      onKeyDown={(event) => {
        // Enter in a preset field fills the provider; it must not submit (save) the whole profile.
        if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return
        event.preventDefault()
        if (missing.length === 0) fill()
      }}
    >
      <legend>Preset</legend>
      <div className="form-grid">
        <SelectField
          label="Provider family"
          value={presetId}
          options={PROFILE_PRESETS.map(({ id, label }) => ({ value: id, label }))}
          onChange={(id) => {
            setValues({})
            onPresetChange(id)
          }}
        />
        {preset.fields.map((field) =>
          field.choices ? (
            <SelectField
              key={field.name}
              label={field.label}
              value={values[field.name] ?? field.choices[0]?.value ?? ''}
              options={field.choices}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            />
          ) : (
            <TextField
              key={field.name}
              label={field.label}
              value={values[field.name] ?? ''}
              placeholder={field.placeholder}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            />
          ),
        )}
      </div>
      <p className="preset-note">
        {preset.note}{' '}
        {preset.docsUrl && (
          <a href={preset.docsUrl} target="_blank" rel="noreferrer noopener">
            {preset.label} documentation
          </a>
        )}
      </p>
      <div className="form-actions">
        <button type="button" onClick={fill} disabled={missing.length > 0}>
          Fill in the provider
        </button>
        {missing.length > 0 && (
          <span className="muted">
            First fill in: {missing.map((field) => field.label).join(', ')}.
          </span>
        )}
      </div>
    </fieldset>
  )
}
