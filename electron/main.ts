// The Electron app: one secure window, the contract bound onto IPC, the engine in this process.
import { app, dialog, ipcMain, session } from 'electron'
import { fileURLToPath } from 'node:url'
import { findFlagValue, resolveDataDir } from './core/app/data-dir'
import { isSandboxOnLaunch } from './core/app/sandbox-setting'
import { createCore } from './core/create-core'
import { bindContract } from './ipc/bind-contract'
import { pumpEvents } from './ipc/event-pump'
import { createSenderCheck, loopbackDevServer } from './ipc/trusted-sender'
import { registerAppScheme, serveAppScheme } from './window/app-protocol'
import { applyContentSecurityPolicy } from './window/content-security-policy'
import { createMainWindow } from './window/create-main-window'
import { openAuthorizationUrl } from './window/open-in-browser'
import { safeStorageCipher } from './window/safe-storage-cipher'
import { applyNavigationGuards, denyAllPermissions } from './window/navigation-guards'

const devServerUrl = app.isPackaged
  ? undefined
  : loopbackDevServer(process.env.ELECTRON_RENDERER_URL)
const dataDir = resolveDataDir({ flag: findFlagValue(process.argv, '--data-dir') })

app.enableSandbox()
app.setPath('userData', dataDir)
registerAppScheme()
app.on('web-contents-created', (_event, contents) => applyNavigationGuards(contents))
app.on('window-all-closed', () => app.quit())

app
  .whenReady()
  .then(() => {
    serveAppScheme(fileURLToPath(new URL('../renderer', import.meta.url)))
    applyContentSecurityPolicy(session.defaultSession)
    denyAllPermissions(session.defaultSession)
    const core = createCore({
      face: 'electron',
      dataDir,
      canEncryptSecrets: () => safeStorageCipher() !== undefined,
      osCipher: safeStorageCipher,
      openBrowser: openAuthorizationUrl,
    })
    bindContract(ipcMain, core.impl, createSenderCheck(devServerUrl))
    const preload = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url))
    pumpEvents(core.events, createMainWindow(preload, devServerUrl).webContents)
    if (isSandboxOnLaunch(findFlagValue(process.argv, '--sandbox'))) void core.sandbox.start()
    app.on('before-quit', () => {
      void core.runs.cancelAll()
      void core.sandbox.stop()
    })
  })
  .catch((error: unknown) => {
    // Without a window, nothing would ever quit this process: say why, then leave.
    dialog.showErrorBox(
      'Auth Flow Explorer could not start',
      (error as Error)?.name ?? 'Unknown error',
    )
    app.exit(1)
  })
