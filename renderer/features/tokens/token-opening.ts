// A token handed to the Tokens page from elsewhere (a run's "Inspect" button): the token, what it
// is expected to say, and where it came from. It travels as the payload of a navigation, so it is
// checked on arrival like anything crossing a boundary.
import { z } from 'zod'
import { InspectTokenInput } from '../../../shared/token-report'
import { navigate } from '../../state/navigation'

export const TokenOpening = InspectTokenInput.pick({ token: true, expect: true }).extend({
  /** Where the token came from, in words: the run's title. */
  from: z.string(),
})
export type TokenOpening = z.output<typeof TokenOpening>

/** Shows the Tokens page with this token filled in, verified at once with its issuer's keys. */
export function openTokenInInspector(opening: z.input<typeof TokenOpening>): void {
  navigate('tokens', opening)
}

/** The token a navigation brought, when it brought one. */
export function tokenOpeningOf(payload: unknown): TokenOpening | undefined {
  const parsed = TokenOpening.safeParse(payload)
  return parsed.success ? parsed.data : undefined
}
