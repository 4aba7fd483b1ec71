// What of an unexpected error may go to a log: its name and where it was thrown. Not its text,
// which may quote a secret (a token, a provider's answer, a password in a URL).

/** An error's name and stack frames, without its message. */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
  return [error.name, ...frames.slice(0, 8)].join('\n')
}
