// Every method and event the renderer, the web host and the CLI may use, declared once with zod.
// Types are inferred from the schemas; faces bind these in one loop each.
import { z } from 'zod'
import type { EventName, MethodName } from './contract-names'
import type { Result } from './result'
import { CognitoClientSettings } from './cognito-app-client'
import { DescribeClientInput } from './cognito-describe-input'
import { ClientKeyAlg, GeneratedClientKey, StartRunInput } from './flow-input'
import { InputValues, Run, RunId, RunSummary, StepEdits } from './run-model'
import { OutboxMessage, SandboxStatus } from './sandbox-model'
import { InspectTokenInput, TokenReport } from './token-report'
import {
  ExportFile,
  Passphrase,
  Profile,
  ProfileInput,
  ProfileName,
  RunExportFormat,
  Settings,
  WorkspaceStatus,
} from './workspace-model'

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

const JsonObject = z.record(z.string(), z.unknown())

export const Face = z.enum(['electron', 'web', 'cli'])
export type Face = z.infer<typeof Face>

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  face: Face,
  dataDir: z.string(),
  /** Whether secrets can be encrypted at rest by the OS keychain (Electron safeStorage). */
  canEncryptSecrets: z.boolean(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const DecodedToken = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('jws'),
    header: JsonObject,
    payload: JsonObject,
    signature: z.object({ present: z.boolean(), bytes: z.number().int().nonnegative() }),
  }),
  z.object({
    /** A JWE: five parts, payload encrypted; only its protected header can be read. */
    kind: z.literal('jwe'),
    header: JsonObject,
  }),
])
export type DecodedToken = z.infer<typeof DecodedToken>

export const TokenInput = z.strictObject({
  token: z.string().max(64_000, 'A token is at most 64,000 characters.'),
})

export const contract = {
  methods: {
    'app.info': call(z.strictObject({}), AppInfo),
    'tokens.decode': call(TokenInput, DecodedToken),
    'tokens.inspect': call(InspectTokenInput, TokenReport),
    'sandbox.status': call(z.strictObject({}), SandboxStatus),
    'sandbox.start': call(z.strictObject({}), SandboxStatus),
    'sandbox.stop': call(z.strictObject({}), SandboxStatus),
    'runs.start': call(StartRunInput, Run),
    'runs.advance': call(z.strictObject({ runId: RunId, edits: StepEdits.optional() }), Run),
    'runs.provideInput': call(z.strictObject({ runId: RunId, values: InputValues }), Run),
    'runs.cancel': call(z.strictObject({ runId: RunId }), Run),
    'runs.get': call(z.strictObject({ runId: RunId }), Run),
    'runs.list': call(
      z.strictObject({
        /** Words to find in a run's title, flow, status, profile, hosts or diagnostics. */
        query: z.string().max(200).optional(),
      }),
      z.array(RunSummary),
    ),
    'runs.revealSecret': call(
      z.strictObject({ runId: RunId, secretId: z.string().regex(/^s\d{1,6}$/) }),
      z.object({ value: z.string() }),
    ),
    'runs.export': call(z.strictObject({ runId: RunId, format: RunExportFormat }), ExportFile),
    /** A JSON scenario exported by `runs.export`, added to history as an imported run. */
    'runs.import': call(
      z.strictObject({ content: z.string().max(5_000_000, 'A scenario is at most 5 MB.') }),
      Run,
    ),
    /** Starts the same flow again with the same input (secrets from the profile or the run). */
    'runs.replay': call(z.strictObject({ runId: RunId }), Run),
    'workspace.status': call(z.strictObject({}), WorkspaceStatus),
    'settings.get': call(z.strictObject({}), Settings),
    'settings.update': call(Settings.partial().strict(), Settings),
    'vault.create': call(z.strictObject({ passphrase: Passphrase }), WorkspaceStatus),
    'vault.unlock': call(z.strictObject({ passphrase: z.string().max(1024) }), WorkspaceStatus),
    'vault.lock': call(z.strictObject({}), WorkspaceStatus),
    'profiles.list': call(z.strictObject({}), z.array(Profile)),
    'profiles.save': call(
      z.strictObject({
        profile: ProfileInput,
        /** The name it was saved under: required to update (or rename) a saved profile. */
        previousName: ProfileName.optional(),
        /**
         * The `updatedAt` of the saved profile this edit started from: a save over a profile
         * changed since (another window, a command) is refused rather than lost.
         */
        basedOn: z.string().max(40).optional(),
      }),
      Profile,
    ),
    'profiles.remove': call(
      z.strictObject({ name: ProfileName }),
      z.object({ removed: z.string() }),
    ),
    /** Reads a discovery document (or an issuer) and drafts a profile from it, unsaved. */
    'profiles.discover': call(z.strictObject({ url: z.string().max(2000) }), ProfileInput),
    /** Secrets go out only with a passphrase, and then encrypted with it. */
    'profiles.export': call(
      z.strictObject({
        names: z.array(ProfileName).max(500).optional(),
        passphrase: Passphrase.optional(),
      }),
      ExportFile,
    ),
    'profiles.import': call(
      z.strictObject({
        content: z.string().max(5_000_000, 'A profiles file is at most 5 MB.'),
        passphrase: z.string().max(1024).optional(),
      }),
      z.object({ imported: z.array(z.string()) }),
    ),
    /** A key pair for a private_key_jwt client: the private JWK to keep, the public to register. */
    'keys.generate': call(z.strictObject({ alg: ClientKeyAlg }), GeneratedClientKey),
    /**
     * Reads a Cognito app client's settings, and its pool's, with the user's AWS credentials
     * (none for the sandbox): the secret is never returned, only whether there is one.
     */
    'cognito.describeClient': call(DescribeClientInput, CognitoClientSettings),
  } satisfies Record<MethodName, ReturnType<typeof call>>,
  events: {
    'sandbox.changed': SandboxStatus,
    'sandbox.messageSent': OutboxMessage,
    'run.updated': Run,
  } satisfies Record<EventName, z.ZodType>,
} as const

type Methods = typeof contract.methods
type Events = typeof contract.events
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>
export type EventPayload<E extends EventName> = z.output<Events[E]>

/** What the core implements: one async function per method, given already-validated input. */
export type ContractImpl = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>
}

/** What the renderer holds: one call per method, each answering with a Result envelope. */
export type Client = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
