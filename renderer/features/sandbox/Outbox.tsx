// Codes the sandbox pool "sent" by SMS or email, newest first.
import type { OutboxMessage } from '../../../shared/sandbox-model'

export function Outbox({ messages }: { messages: OutboxMessage[] }) {
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      {messages.length === 0 ? (
        <p className="muted">
          No messages yet. Codes the pool sends by SMS or email (MFA, sign-up) appear here.
        </p>
      ) : (
        <ol className="outbox" aria-label="Messages">
          {[...messages].reverse().map((message) => (
            <li key={`${message.at}-${message.code}`}>
              <span className="muted">{new Date(message.at).toLocaleTimeString()}</span>{' '}
              {message.channel.toUpperCase()} to {message.to} for <code>{message.username}</code> (
              {message.purpose}): <strong className="code">{message.code}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
