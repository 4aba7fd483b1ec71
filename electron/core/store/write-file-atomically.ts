// Replaces a file in one step: the new bytes go to a temporary file beside it, all of them, then a
// rename puts it in place. A write that fails part way leaves the old file as it was.
//
// conf has its own atomic write (the `atomically` package), but that one issues a single write()
// and does not check how much of it went in: when the disk fills or a file-size limit is reached
// part way, the short temporary file is renamed over the good one and no error is raised (seen
// with conf 16 under a 4 KiB file-size limit: a truncated workspace.json, and no error).
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'

export function writeFileAtomically(path: string, bytes: Uint8Array, mode = 0o600): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx', mode)
    // write() may take fewer bytes than asked (a full disk, a size limit): loop until all are in,
    // so the missing rest surfaces as the error it is (ENOSPC, EFBIG) instead of a short file.
    let offset = 0
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
    // On disk before the rename, so a crash cannot leave the new name over unwritten blocks.
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temporary, path)
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd)
      } catch {
        // The write's own error, thrown below, is the one that says what happened.
      }
    }
    rmSync(temporary, { force: true })
    throw error
  }
}
