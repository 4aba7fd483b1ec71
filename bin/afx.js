#!/usr/bin/env node
// afx runs the built engine. Build it first (npm run build) when running from a source checkout.
import { existsSync } from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (existsSync(cli)) {
  await import(cli.href)
} else {
  process.stderr.write(
    'afx: the app is not built yet. Run "npm run build" in the project folder first.\n',
  )
  process.exitCode = 2
}
