// A QR code drawn as SVG from its modules: dark squares on a white field with the four-module
// quiet zone scanners need, black on white in either theme.
import { useMemo } from 'react'
import { darkModulesPath, qrModulesOf } from './qr-modules'

/** The margin of light modules around the code (ISO/IEC 18004 asks for 4). */
const QUIET_ZONE = 4

export function QrCode({ text, label }: { text: string; label: string }) {
  const modules = useMemo(() => qrModulesOf(text), [text])
  const side = modules.length + 2 * QUIET_ZONE
  return (
    <svg
      className="qr-code"
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-modules={modules.length}
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#ffffff" />
      <path d={darkModulesPath(modules)} fill="#000000" />
    </svg>
  )
}
