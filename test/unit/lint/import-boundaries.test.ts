// The design's boundaries hold only if lint enforces them: prove that it does.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('import boundaries', () => {
  it.each([
    ['electron/core/tokens/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['electron/hosts/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['shared/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n"],
    ['shared/x.ts', "import { readFileSync } from 'fs'\nexport const a = readFileSync\n"],
    [
      'renderer/x.ts',
      "import { decodeJwt } from '../electron/core/tokens/decode-jwt'\nexport const a = decodeJwt\n",
    ],
  ])('lint fails on %s importing across a boundary', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports')
  })

  it('lets electron/main.ts import Electron', async () => {
    expect(
      await ruleIdsFor(
        'electron/main.ts',
        "import { app } from 'electron'\nexport const a = app\n",
      ),
    ).toEqual([])
  })
})
