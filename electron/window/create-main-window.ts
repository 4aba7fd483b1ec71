// Creates the one app window with the secure options, and loads the renderer from app://afx.
import { BrowserWindow } from 'electron'
import { APP_ORIGIN } from './app-origin'
import { mainWindowOptions } from './main-window-options'

export function createMainWindow(preloadPath: string, devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return window
}
