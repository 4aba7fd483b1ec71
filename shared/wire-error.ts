// The error every face returns instead of throwing: a code from one list, words, a hint, a rule.
import { z } from 'zod'

export const ErrorCode = z.enum([
  'IPC_INVALID_INPUT',
  'IPC_UNTRUSTED_SENDER',
  'IPC_UNKNOWN_METHOD',
  'WEB_UNAUTHORIZED',
  'WEB_FORBIDDEN_HOST',
  'WEB_FORBIDDEN_ORIGIN',
  'WEB_BODY_TOO_LARGE',
  'WEB_PORT_IN_USE',
  'LOOPBACK_INVALID_OPTIONS',
  'LOOPBACK_PORT_IN_USE',
  'LOOPBACK_PORT_FORBIDDEN',
  'LOOPBACK_ADDRESS_UNAVAILABLE',
  'LOOPBACK_BAD_REQUEST',
  'LOOPBACK_RESPONSE_MODE_MISMATCH',
  'LOOPBACK_TIMEOUT',
  'LOOPBACK_CANCELLED',
  'LOOPBACK_CLOSED',
  'TOKEN_EMPTY',
  'TOKEN_WRONG_PART_COUNT',
  'TOKEN_BAD_BASE64URL',
  'TOKEN_BAD_JSON',
  'TOKEN_NOT_AN_OBJECT',
  'TOKEN_INPUT_INVALID',
  'TOKEN_KEY_UNREADABLE',
  'RUN_NOT_FOUND',
  'RUN_NOT_PAUSED',
  'RUN_CANCELLED',
  'RUN_STEP_FAILED',
  'RUN_SECRET_NOT_FOUND',
  'HTTP_RESPONSE_TOO_LARGE',
  'BROWSER_URL_REFUSED',
  'OAUTH_STATE_MISSING',
  'TOKEN_TOO_DEEP',
  'COGNITO_SRP_INVALID_A',
  'COGNITO_SRP_INVALID_B',
  'COGNITO_SRP_BAD_PARAMETER',
  'HOST_UNREACHABLE',
  'INTERNAL_ERROR',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  hint: z.string().optional(),
  ref: z.string().optional(),
})
export type WireError = z.infer<typeof WireError>
