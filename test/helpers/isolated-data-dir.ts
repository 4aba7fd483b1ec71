// Points AFX_DATA_DIR at a fresh folder for each test file, so the CLI and any engine a test builds
// keep profiles and history there, never in the user's own data folder.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

process.env.AFX_DATA_DIR = mkdtempSync(join(tmpdir(), 'afx-test-home-'))
