// Under Electron the preload puts the contract client on window.afx; in a browser it is absent.
import type { Client } from '../shared/contract'

declare global {
  interface Window {
    afx?: Client
  }
}
