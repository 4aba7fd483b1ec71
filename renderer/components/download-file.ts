// Hands a file made by the engine (an export) to the user as a download: a Blob behind an object
// URL, clicked through an <a download>. Works the same under Electron and in browser mode.
import type { ExportFile } from '../../shared/workspace-model'

/** Starts the download of `file` under its own name; the object URL is released right after. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click only queues the download, and some browsers read the Blob later still (FileSaver.js
  // learned to wait): release it once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
