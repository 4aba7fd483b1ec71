// The QR code the MFA setup panel draws holds exactly the otpauth:// URI: its modules are the
// library's for that text, and the SVG path draws those modules and no others.
import qrcode from 'qrcode-generator'
import { describe, expect, it } from 'vitest'
import { darkModulesPath, qrModulesOf } from '../../../renderer/components/qr-modules'

const URI =
  'otpauth://totp/Cognito%20us-east-1_afxSandbox:mia?issuer=Cognito%20us-east-1_afxSandbox&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'

/** The library's own matrix for an ASCII text, read module by module. */
function libraryModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const size = qr.getModuleCount()
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => qr.isDark(r, c)),
  )
}

/** The squares a path of "M<col> <row>h1v1h-1z" pieces draws, as "row,col". */
function squaresOf(path: string): string[] {
  return [...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, col, row]) => `${row},${col}`)
}

describe('QR modules of the enrolment URI', () => {
  it("are the library's modules for that URI", () => {
    const modules = qrModulesOf(URI)

    expect(modules).toEqual(libraryModules(URI))
    // Version 8 or so: (17 + 4 × version) modules a side, never a toy size.
    expect((modules.length - 17) % 4).toBe(0)
    expect(modules.length).toBeGreaterThan(41)
  })

  it('are drawn as one unit square per dark module, and nothing else', () => {
    const modules = qrModulesOf(URI)
    const path = darkModulesPath(modules)

    const dark = modules.flatMap((cells, r) =>
      cells.flatMap((isDark, c) => (isDark ? [`${r},${c}`] : [])),
    )
    expect(squaresOf(path)).toEqual(dark)
    expect(path.replace(/M\d+ \d+h1v1h-1z/g, '')).toBe('')
  })

  it('keep a character beyond Latin-1 whole (UTF-8), not cut to its low byte', () => {
    // "ő" is U+0151: cut to one byte it would read as "Q" (0x51).
    expect(qrModulesOf('otpauth://totp/ő')).not.toEqual(qrModulesOf('otpauth://totp/Q'))
    expect(qrModulesOf('otpauth://totp/ő')).toEqual(
      libraryModules('otpauth://totp/\u00c5\u0091'), // ő's UTF-8 bytes, C5 91
    )
  })
})
