import { describe, expect, it } from 'vitest'
import { findFlagValue, resolveDataDir } from '../../../electron/core/app/data-dir'

describe('resolveDataDir', () => {
  const home = '/home/ada'
  it.each([
    ['linux', {}, '/home/ada/.config/Auth Flow Explorer'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Auth Flow Explorer'],
    ['darwin', {}, '/home/ada/Library/Application Support/Auth Flow Explorer'],
  ] as const)('uses the usual place on %s', (platform, env, expected) => {
    expect(resolveDataDir({ platform, env, home })).toBe(expected)
  })

  it('prefers --data-dir, then AFX_DATA_DIR', () => {
    const env = { AFX_DATA_DIR: '/from-env' }
    expect(resolveDataDir({ flag: '/from-flag', env, home })).toBe('/from-flag')
    expect(resolveDataDir({ env, home })).toBe('/from-env')
  })
})

describe('findFlagValue', () => {
  it('reads --name value and --name=value among other flags', () => {
    expect(findFlagValue(['electron', '.', '--data-dir', '/d'], '--data-dir')).toBe('/d')
    expect(findFlagValue(['--no-sandbox', '--data-dir=/e'], '--data-dir')).toBe('/e')
    expect(findFlagValue(['--other'], '--data-dir')).toBeUndefined()
  })
})
