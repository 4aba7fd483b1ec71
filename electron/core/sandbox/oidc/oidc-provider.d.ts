// Types for the part of oidc-provider 9 the sandbox uses: the package ships no declarations.
// Shapes follow the library's source (lib/provider.js, lib/models/grant.js, lib/helpers/defaults.js).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export type ClientMetadata = {
    client_id: string
    client_secret?: string
    client_name?: string
    application_type?: 'web' | 'native'
    grant_types: string[]
    response_types: string[]
    redirect_uris: string[]
    post_logout_redirect_uris?: string[]
    token_endpoint_auth_method: string
    /** The public keys a private_key_jwt client signs its assertions with. */
    jwks?: { keys: Record<string, string>[] }
    scope?: string
  }

  export interface Client {
    readonly clientId: string
    readonly clientName?: string
    readonly clientAuthMethod: string
  }

  export interface Session {
    accountId?: string
    /** The provider keeps its anti-forgery secret here while a device or logout form is shown. */
    state?: { secret?: string }
  }

  export interface OidcContext {
    readonly route: string
    readonly client?: Client
    readonly session?: Session
    readonly entities: { readonly Client?: Client }
    readonly result?: { consent?: unknown }
    urlFor(name: string, options?: Record<string, unknown>): string
  }

  /** The Koa context the provider hands to its hooks, with only the members the sandbox uses. */
  export interface ProviderContext {
    readonly oidc: OidcContext
    body: unknown
    type: string
    status: number
  }

  export type ErrorOut = { error: string; error_description?: string }

  export interface Account {
    accountId: string
    claims(): Promise<Record<string, unknown> & { sub: string }>
  }

  export type Adapter = {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>
    find(id: string): Promise<AdapterPayload | undefined>
    findByUid(uid: string): Promise<AdapterPayload | undefined>
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }

  export type AdapterPayload = {
    grantId?: string
    uid?: string
    userCode?: string
    consumed?: number
    [key: string]: unknown
  }

  export type InteractionDetails = {
    uid: string
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> }
    params: Record<string, unknown>
    session?: { accountId: string }
    grantId?: string
  }

  export type InteractionResult =
    | { login: { accountId: string } }
    | { consent: { grantId: string } }
    | { error: string; error_description?: string }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string })
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    addResourceScope(resource: string, scope: string): void
    save(): Promise<string>
  }

  export class Check {
    constructor(reason: string, description: string, check: (ctx: ProviderContext) => boolean)
  }

  export type Prompt = { name: string; checks: Check[] & { add(check: Check): void } }
  export type Policy = Prompt[] & { get(name: string): Prompt | undefined }

  export const interactionPolicy: { base(): Policy; Check: typeof Check }

  export const errors: {
    InvalidTarget: new (description?: string) => Error
  }

  export type Middleware = (ctx: ProviderContext, next: () => Promise<void>) => Promise<void>

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    readonly Grant: typeof Grant & { find(id: string): Promise<Grant | undefined> }
    readonly Client: { find(id: string): Promise<Client | undefined> }
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>
    use(middleware: Middleware): this
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
  }
}
