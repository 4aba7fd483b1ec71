// Imports oidc-provider without the one line it prints on load under Node 20 ("Unsupported
// runtime"): Electron's own Node is new enough, and the sandbox runs fine on 20 (see DESIGN.md).
// @see https://github.com/panva/node-oidc-provider/blob/main/lib/index.js

const RUNTIME_WARNING = 'oidc-provider WARNING: Unsupported runtime'

/** The oidc-provider module, loaded on first use with its runtime warning filtered out. */
export async function loadOidcProvider(): Promise<typeof import('oidc-provider')> {
  /* eslint-disable no-console -- the warning is a console.warn at module evaluation, so only a
     filter around the import can drop it; every other message still passes through */
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes(RUNTIME_WARNING)) warn(...args)
  }
  try {
    return await import('oidc-provider')
  } finally {
    console.warn = warn
  }
  /* eslint-enable no-console */
}
