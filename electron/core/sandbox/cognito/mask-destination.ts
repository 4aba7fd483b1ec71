// Hides most of a phone number or email address, as Cognito's CODE_DELIVERY_DESTINATION does.
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html

/**
 * `+15555550123` → `+*******0123`; `erin@example.com` → `e***@e***`.
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html
 */
export function maskDestination(destination: string): string {
  const at = destination.indexOf('@')
  if (at > 0) return `${destination.charAt(0)}***@${destination.charAt(at + 1)}***`
  const visible = destination.slice(-4)
  return `+${'*'.repeat(Math.max(0, destination.length - 5))}${visible}`
}
