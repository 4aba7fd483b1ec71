// Trainer mode's "break it" toggles for the code flow: each makes one thing wrong on purpose, so
// the run shows the refusal and why. Open at once in trainer mode, tucked away otherwise.
import type { BreakIt } from '../../../shared/flow-input'
import { useSettings } from '../../state/use-settings'
import { CheckField } from '../../components/FormFields'

/** What each toggle does, in the words of its checkbox. */
export const BREAK_IT_LABELS: Record<BreakIt, string> = {
  'state-changed': 'Change the state that comes back',
  'verifier-dropped': 'Leave code_verifier out of the token request',
  'code-replayed': 'Send the same code a second time',
  'redirect-uri-altered': 'Name another redirect_uri in the token request',
  'nonce-changed': 'Expect another nonce in the ID token',
  'expired-token-reused': 'Check the ID token after it expired',
}

type Props = { chosen: BreakIt[]; onChange: (chosen: BreakIt[]) => void }

export function BreakItFields({ chosen, onChange }: Props) {
  const { trainerMode } = useSettings()
  const toggle = (breakIt: BreakIt, on: boolean) =>
    onChange(on ? [...chosen, breakIt] : chosen.filter((other) => other !== breakIt))
  return (
    <>
      <span />
      <details className="break-it" open={trainerMode}>
        <summary>Break it on purpose{chosen.length > 0 && ` (${chosen.length} chosen)`}</summary>
        <fieldset aria-label="Break it on purpose" className="checks">
          <p className="muted">
            Each makes one thing wrong, so the run ends on the refusal and says why.
          </p>
          {(Object.keys(BREAK_IT_LABELS) as BreakIt[]).map((breakIt) => (
            <CheckField
              key={breakIt}
              label={BREAK_IT_LABELS[breakIt]}
              checked={chosen.includes(breakIt)}
              onChange={(on) => toggle(breakIt, on)}
            />
          ))}
        </fieldset>
      </details>
    </>
  )
}
