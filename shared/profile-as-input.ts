// A saved profile as the input that saves it unchanged: every field as it is, and no secret
// change, so each kept client secret, test user password and TOTP secret stays where it is kept.
// Edits from the command line start from this and change one thing.
import type { Profile, ProfileInput } from './workspace-model'

export function profileAsInput({
  updatedAt: _updatedAt,
  clients,
  users,
  ...rest
}: Profile): ProfileInput {
  return {
    ...rest,
    // A client or user without `secret`, `password` or `totpSecret` leaves those as they are.
    clients: clients.map(({ secret: _kept, ...client }) => client),
    ...(users && { users: users.map(({ username }) => ({ username })) }),
  }
}
