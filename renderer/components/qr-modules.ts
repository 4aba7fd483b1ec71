// A QR code's modules (its black and white squares) for a text, from qrcode-generator, and the
// SVG path that draws the dark ones: the picture is built from data, with no markup injected.
// @see ISO/IEC 18004 (QR Code); https://github.com/kazuhikoarase/qrcode-generator
import qrcode from 'qrcode-generator'

/** Rows of modules, true where dark. */
export type QrModules = boolean[][]

/**
 * The modules of the smallest QR code (error correction M) that holds the text as UTF-8 bytes.
 * The library reads one byte per character, so the text goes in as its UTF-8 bytes, one each.
 */
export function qrModulesOf(text: string): QrModules {
  const qr = qrcode(0, 'M')
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  )
}

/** One unit square per dark module, at x = column, y = row: "M3 0h1v1h-1z…". */
export function darkModulesPath(modules: QrModules): string {
  return modules
    .flatMap((cells, row) => cells.map((dark, col) => (dark ? `M${col} ${row}h1v1h-1z` : '')))
    .join('')
}
