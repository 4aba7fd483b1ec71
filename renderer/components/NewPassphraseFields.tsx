// A new passphrase typed twice, for what it will protect (the vault, an export): two password
// fields in the form's grid. The form checks the pair with passphraseProblem before sending it.
import { TextField } from './FormFields'

type Props = {
  /** The passphrase's label, then its repetition's. */
  labels: readonly [string, string]
  passphrase: string
  repeat: string
  onPassphraseChange: (passphrase: string) => void
  onRepeatChange: (repeat: string) => void
}

export function NewPassphraseFields(props: Props) {
  const { labels, passphrase, repeat, onPassphraseChange, onRepeatChange } = props
  return (
    <>
      <TextField
        label={labels[0]}
        type="password"
        value={passphrase}
        onChange={onPassphraseChange}
        placeholder="at least 8 characters"
        required
      />
      <TextField
        label={labels[1]}
        type="password"
        value={repeat}
        onChange={onRepeatChange}
        required
      />
    </>
  )
}
