// An opaque token says nothing to anyone but its issuer: this asks the issuer, through an
// introspection run started with a saved profile's provider and client (the engine adds the
// client secret kept with the profile), and shows the verdict.
// @see RFC 7662 §2
import { useId, useState, type FormEvent } from 'react'
import { flowProviderOf } from '../../../shared/profile-to-flow'
import type { WireError } from '../../../shared/wire-error'
import type { Profile, ProfileClient } from '../../../shared/workspace-model'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useRun } from '../../state/run-store'
import { useProfiles } from '../../state/use-profiles'
import { IntrospectionResult } from './IntrospectionResult'

type Choice = { profile: Profile; client: ProfileClient }

/**
 * Every client of every profile with an OAuth provider: whether the provider offers introspection
 * shows when the run reads its metadata (Cognito user pools have no introspection endpoint).
 */
function introspectionChoices(profiles: Profile[]): Choice[] {
  return profiles
    .filter((profile) => profile.provider.kind !== 'cognito')
    .flatMap((profile) => profile.clients.map((client) => ({ profile, client })))
}

const labelOf = ({ profile, client }: Choice) => `${profile.name} · ${client.clientId}`

export function IntrospectPanel({ token }: { token: string }) {
  const id = useId()
  const { profiles, error: profilesError } = useProfiles()
  const choices = introspectionChoices(profiles ?? [])
  const [chosen, setChosen] = useState('')
  const [runId, setRunId] = useState<string>()
  // Read from the store's events, subscribed from the start: an introspection can be over before
  // runs.start answers, and its answer (no newer than the events) must not replace them.
  const run = useRun(runId)
  const [error, setError] = useState<WireError>()
  const choice = choices.find((candidate) => labelOf(candidate) === chosen) ?? choices[0]

  const introspect = async (event: FormEvent) => {
    event.preventDefault()
    if (!choice) return
    const { profile, client } = choice
    const result = await call('runs.start', {
      flow: 'introspection',
      profile: profile.name,
      provider: flowProviderOf(profile.provider),
      client: {
        clientId: client.clientId,
        ...(client.authMethod ? { authMethod: client.authMethod } : {}),
      },
      mode: 'auto',
      token,
    })
    setRunId(result.ok ? result.value.id : undefined)
    setError(result.ok ? undefined : result.error)
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Introspect with a profile</h2>
      <p className="muted">
        Only its issuer can say whether this token is active and what it allows: ask the issuer's
        introspection endpoint, as the saved client (a resource server's client, usually with a
        secret).
      </p>
      {profilesError && <ErrorNotice error={profilesError} />}
      {profiles !== undefined && choices.length === 0 ? (
        <p>
          No saved profile can ask: save a profile with the issuer and a client on the Profiles page
          first.
        </p>
      ) : (
        <form className="form-grid flow-form" onSubmit={introspect} aria-label="Introspect">
          <label htmlFor={`${id}-profile`}>Profile and client</label>
          <select
            id={`${id}-profile`}
            value={choice ? labelOf(choice) : ''}
            onChange={(event) => setChosen(event.target.value)}
            disabled={choices.length === 0}
          >
            {choices.map((candidate) => (
              <option key={labelOf(candidate)} value={labelOf(candidate)}>
                {labelOf(candidate)}
              </option>
            ))}
          </select>
          <span />
          <button type="submit" className="primary" disabled={!choice}>
            Introspect
          </button>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
      {runId && <IntrospectionResult run={run} />}
    </section>
  )
}
