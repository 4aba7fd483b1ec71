// Whether the app starts the sandbox at launch: on unless `--sandbox off` or AFX_SANDBOX=off.
// (Not `--no-sandbox`: Chromium reads that flag and would turn its own process sandbox off.)

export function isSandboxOnLaunch(flag: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  return (flag ?? env.AFX_SANDBOX ?? 'on') !== 'off'
}
