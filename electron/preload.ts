// Exposes exactly the contract client as window.afx, and nothing else: no raw ipcRenderer, no
// Node, no process. Built as a self-contained CommonJS file, as sandboxed preloads require.
import { contextBridge, ipcRenderer } from 'electron'
import { channelOf, eventChannelOf, eventNames, methodNames } from '../shared/contract-names'

const client: Record<string, unknown> = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(channelOf(method), input ?? {}),
  ]),
)

client.on = (event: string, listener: (payload: unknown) => void) => {
  const known = eventNames.find((name) => name === event)
  if (known === undefined) throw new Error(`Unknown event: ${event}`)
  // The IpcRendererEvent carries `sender`, a way back into ipcRenderer: never hand it over.
  const relay = (_event: unknown, payload: unknown) => listener(payload)
  ipcRenderer.on(eventChannelOf(known), relay)
  return () => ipcRenderer.removeListener(eventChannelOf(known), relay)
}

contextBridge.exposeInMainWorld('afx', client)
