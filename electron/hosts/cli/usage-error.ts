// A mistake in how afx was called (exit code 2), as opposed to a bad thing inspected (exit code 1).
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const EXIT = { ok: 0, bad: 1, usage: 2 } as const
