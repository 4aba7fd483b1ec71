// What a person needs to answer MFA_SETUP: the new authenticator entry, as a QR code to scan or a
// secret to type. Both are secrets, so each is revealed only when asked for and forgotten on hide.
import { useState } from 'react'
import type { TotpEnrolment } from '../../../shared/cognito-totp-enrolment'
import type { WireError } from '../../../shared/wire-error'
import { call } from '../../client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { QrCode } from '../../components/QrCode'
import './mfa-setup.css'

export function MfaSetupPanel({ runId, enrolment }: { runId: string; enrolment: TotpEnrolment }) {
  const [uri, setUri] = useState<string>()
  const [secret, setSecret] = useState<string>()
  const [error, setError] = useState<WireError>()
  const reveal = async (secretId: string, show: (value: string) => void) => {
    const result = await call('runs.revealSecret', { runId, secretId })
    setError(result.ok ? undefined : result.error)
    if (result.ok) show(result.value.value)
  }
  return (
    <section className="mfa-setup" aria-label="New authenticator entry">
      <p>
        Add the new entry to an authenticator app: scan its QR code, or type its secret. Then enter
        the code the app shows for it.
      </p>
      <div className="toolbar">
        {uri === undefined ? (
          <button type="button" onClick={() => reveal(enrolment.uriSecretId, setUri)}>
            Show the QR code
          </button>
        ) : (
          <button type="button" onClick={() => setUri(undefined)}>
            Hide the QR code
          </button>
        )}
        {secret === undefined ? (
          <button type="button" onClick={() => reveal(enrolment.secretCodeSecretId, setSecret)}>
            Show the secret as text
          </button>
        ) : (
          <button type="button" onClick={() => setSecret(undefined)}>
            Hide the secret
          </button>
        )}
      </div>
      {uri !== undefined && (
        <QrCode text={uri} label="QR code of the new authenticator entry (otpauth:// URI)" />
      )}
      {secret !== undefined && (
        <p>
          Secret: <code aria-label="Authenticator secret">{secret}</code>
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  )
}
