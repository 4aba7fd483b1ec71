import type { IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { describe, expect, it } from 'vitest'
import { bindContract } from '../../../electron/ipc/bind-contract'
import { createSenderCheck, loopbackDevServer } from '../../../electron/ipc/trusted-sender'
import { mainWindowOptions } from '../../../electron/window/main-window-options'
import { channelOf, methodNames } from '../../../shared/contract-names'
import { makeUnsignedJwt } from '../../helpers/make-jwt'
import { testImpl } from '../../helpers/test-impl'

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

/** A stand-in for the one thing of ipcMain the binding touches: handle(). */
function bindToStandIn() {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    },
  }
  bindContract(ipcMain, testImpl('electron'), createSenderCheck())
  return handlers
}

/** A stand-in for the sender frame of an IPC event. */
const eventFrom = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } as unknown as WebFrameMain }) as IpcMainInvokeEvent

const appFrame = eventFrom('app://afx/index.html')

describe('bindContract', () => {
  it('binds every contract method, each on its own channel, and nothing else', () => {
    const handlers = bindToStandIn()
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort())
  })

  it('answers a valid call from the app window with the core result', async () => {
    const decode = bindToStandIn().get(channelOf('tokens.decode'))!
    const token = makeUnsignedJwt({ alg: 'RS256' }, { sub: 'alice' })
    await expect(decode(appFrame, { token })).resolves.toMatchObject({
      ok: true,
      value: { kind: 'jws', payload: { sub: 'alice' } },
    })
  })

  it('returns a decode failure as an envelope, never as a thrown error', async () => {
    const decode = bindToStandIn().get(channelOf('tokens.decode'))!
    await expect(decode(appFrame, { token: 'a.b' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'TOKEN_WRONG_PART_COUNT' },
    })
  })

  it.each(methodNames)('refuses malformed input to %s with IPC_INVALID_INPUT', async (method) => {
    const handler = bindToStandIn().get(channelOf(method))!
    for (const bad of [null, 42, 'text', [], { unexpected: true }]) {
      await expect(handler(appFrame, bad)).resolves.toMatchObject({
        ok: false,
        error: { code: 'IPC_INVALID_INPUT' },
      })
    }
  })

  it.each(methodNames)(
    'refuses %s from an untrusted sender with IPC_UNTRUSTED_SENDER',
    async (method) => {
      const handler = bindToStandIn().get(channelOf(method))!
      const untrusted = [
        eventFrom('https://evil.example/'),
        eventFrom('app://afx.evil.example/index.html'),
        eventFrom('file:///tmp/index.html'),
        eventFrom('app://afx/index.html', { url: 'app://afx/' }), // a subframe of our page
        { senderFrame: null } as unknown as IpcMainInvokeEvent, // the frame navigated away
      ]
      for (const event of untrusted) {
        await expect(handler(event, {})).resolves.toMatchObject({
          ok: false,
          error: { code: 'IPC_UNTRUSTED_SENDER' },
        })
      }
    },
  )

  it('accepts a dev server only on plain http on this computer', () => {
    expect(loopbackDevServer('http://localhost:5173')).toBe('http://localhost:5173')
    expect(loopbackDevServer('https://evil.example')).toBeUndefined()
    expect(loopbackDevServer('file:///tmp/x.html')).toBeUndefined()
    expect(loopbackDevServer('not a url')).toBeUndefined()
  })

  it('trusts the dev server origin only when one is given', () => {
    const frame = { url: 'http://localhost:5173/', parent: null } as unknown as WebFrameMain
    expect(createSenderCheck()(frame)).toBe(false)
    expect(createSenderCheck('http://localhost:5173')(frame)).toBe(true)
  })
})

describe('mainWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const { webPreferences } = mainWindowOptions('/app/preload.cjs')
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(webPreferences).not.toHaveProperty('additionalArguments')
  })
})
