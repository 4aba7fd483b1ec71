// The pool's password policy, Cognito's default: at least 8 characters with a lower-case letter,
// an upper-case letter, a digit and a symbol.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html

/** The policy as DescribeUserPool reports it (PasswordPolicyType); RULES check exactly this. */
export const PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
} as const

const RULES: readonly { test: (password: string) => boolean; reason: string }[] = [
  { test: (p) => p.length >= PASSWORD_POLICY.MinimumLength, reason: 'Password not long enough' },
  { test: (p) => /[a-z]/.test(p), reason: 'Password must have lowercase characters' },
  { test: (p) => /[A-Z]/.test(p), reason: 'Password must have uppercase characters' },
  { test: (p) => /[0-9]/.test(p), reason: 'Password must have numeric characters' },
  { test: (p) => /[^A-Za-z0-9]/.test(p), reason: 'Password must have symbol characters' },
]

/**
 * The first policy rule the password breaks, in Cognito's words, or undefined when it passes.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html
 */
export function findPasswordPolicyViolation(password: string): string | undefined {
  return RULES.find((rule) => !rule.test(password))?.reason
}
