// The options of the one app window, per the Electron security checklist (items 2 to 6, 10, 11).
// @see https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations
import type { BrowserWindowConstructorOptions } from 'electron'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Auth Flow Explorer',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false, // shown on ready-to-show, so no white flash
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}
