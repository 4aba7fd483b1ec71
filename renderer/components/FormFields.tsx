// The labelled inputs forms are made of (flows, profiles, settings): one label, one control, in the
// form's grid.
import { useId } from 'react'

type TextFieldProps = {
  label: string
  value: string
  onChange: (value: string) => void
  /** `password` for secrets: never shown while typed, never remembered by the browser. */
  type?: 'text' | 'password'
  placeholder?: string
  required?: boolean
  /** A line under the field that it is described by (where a value comes from). */
  note?: string | undefined
}

export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  note,
  ...rest
}: TextFieldProps) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        aria-describedby={note ? `${id}-note` : undefined}
        {...rest}
      />
      {note && (
        <>
          <span />
          <p id={`${id}-note`} className="muted field-note">
            {note}
          </p>
        </>
      )}
    </>
  )
}

type SelectFieldProps<V extends string> = {
  label: string
  value: V
  options: readonly (V | { value: V; label: string })[]
  onChange: (value: V) => void
  disabled?: boolean
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
}: SelectFieldProps<V>) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        disabled={disabled}
      >
        {options.map((option) => {
          const { value: v, label: text } =
            typeof option === 'string' ? { value: option, label: option } : option
          return (
            <option key={v} value={v}>
              {text}
            </option>
          )
        })}
      </select>
    </>
  )
}

/** A text of several lines: extra parameters one per line, notes. */
export function TextAreaField({
  label,
  value,
  onChange,
  rows,
  placeholder,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  rows: number
  placeholder?: string
}) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
    </>
  )
}

/** A checkbox with its words after it, for the row of options under a form. */
export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {label}
    </label>
  )
}
