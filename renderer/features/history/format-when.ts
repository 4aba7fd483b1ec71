// Dates of runs and requests in the user's own locale and time zone, short enough for a list.

/** "23/11/2026, 10:04:05" (in the user's locale); the raw text when it is not a date. */
export function formatWhen(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })
}
