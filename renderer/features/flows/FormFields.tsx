// The labelled inputs the flow form is made of: one label, one control, in the form's grid.
import { useId } from 'react'

type TextFieldProps = {
  label: string
  value: string
  onChange: (value: string) => void
  /** `password` for secrets: never shown while typed, never remembered by the browser. */
  type?: 'text' | 'password'
  placeholder?: string
  required?: boolean
}

export function TextField({ label, value, onChange, type = 'text', ...rest }: TextFieldProps) {
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
        {...rest}
      />
    </>
  )
}

type SelectFieldProps<V extends string> = {
  label: string
  value: V
  options: readonly (V | { value: V; label: string })[]
  onChange: (value: V) => void
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
}: SelectFieldProps<V>) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
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
