// Ties a form's fields to the one draft object they edit: each field shows `draft[name]` and a
// change sets that name alone, so no form writes `value={d.x} onChange={(x) => onChange({ x })}`
// once per field.

/** A function giving the `value` and `onChange` of the field that edits `draft[name]`. */
export function bindDraft<D extends object>(draft: D, onChange: (change: Partial<D>) => void) {
  return <K extends keyof D>(name: K) => ({
    value: draft[name],
    onChange: (value: D[K]) => {
      const change: Partial<D> = {}
      change[name] = value
      onChange(change)
    },
  })
}
