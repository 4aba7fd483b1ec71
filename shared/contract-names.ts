// The names of every contract method and event, with no imports, so the sandboxed preload can
// loop over them without bundling zod. `contract.ts` keys its schemas by these names.

export const methodNames = [
  'app.info',
  'tokens.decode',
  'tokens.inspect',
  'sandbox.status',
  'sandbox.start',
  'sandbox.stop',
  'runs.start',
  'runs.advance',
  'runs.provideInput',
  'runs.cancel',
  'runs.get',
  'runs.list',
  'runs.revealSecret',
  'runs.export',
  'runs.import',
  'runs.replay',
  'workspace.status',
  'settings.get',
  'settings.update',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'profiles.list',
  'profiles.save',
  'profiles.remove',
  'profiles.discover',
  'profiles.export',
  'profiles.import',
  'keys.generate',
  'cognito.describeClient',
] as const
export type MethodName = (typeof methodNames)[number]

export const eventNames = ['sandbox.changed', 'sandbox.messageSent', 'run.updated'] as const
export type EventName = (typeof eventNames)[number]

/** The IPC channel (Electron) and URL segment (web host) of a method. */
export const channelOf = (method: MethodName) => `afx:${method}` as const

/** The IPC channel main sends an event on. */
export const eventChannelOf = (event: EventName) => `afx-event:${event}` as const

export const isMethodName = (name: string): name is MethodName =>
  (methodNames as readonly string[]).includes(name)
