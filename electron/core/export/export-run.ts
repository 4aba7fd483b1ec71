// The file a person saves when exporting a run: its content in the chosen format, a name that
// says which flow and when, and the media type to save it as.
import type { Run } from '../../../shared/run-model'
import type { ExportFile, RunExportFormat } from '../../../shared/workspace-model'
import { runToCurl } from './run-to-curl'
import { runToHarJson, type HarCreator } from './run-to-har'
import { runToScenario } from './run-scenario'
import { withTokenFingerprints } from './token-fingerprints'

const EXTENSIONS: Record<RunExportFormat, string> = { curl: 'sh', har: 'har', json: 'json' }

const MEDIA_TYPES: Record<RunExportFormat, string> = {
  curl: 'text/x-shellscript',
  har: 'application/json',
  json: 'application/json',
}

export type ExportOptions = {
  now?: () => number
  /** A live run's token fingerprints (see withTokenFingerprints); none for a run from history. */
  fingerprintOf?: ((secretId: string) => string | undefined) | undefined
}

/**
 * curl: a script to run again; har: for HTTP tools, its tokens fingerprinted when the run is live;
 * json: a scenario to import back.
 */
export function exportRun(
  run: Run,
  input: Record<string, unknown> | undefined,
  format: RunExportFormat,
  creator: HarCreator,
  options: ExportOptions = {},
): ExportFile {
  return {
    filename: `afx-run-${fileNamePart(run.flow)}-${timeStamp(run.createdAt)}.${EXTENSIONS[format]}`,
    mediaType: MEDIA_TYPES[format],
    content: contentOf(run, input, format, creator, options),
  }
}

function contentOf(
  run: Run,
  input: Record<string, unknown> | undefined,
  format: RunExportFormat,
  creator: HarCreator,
  { now = Date.now, fingerprintOf }: ExportOptions,
): string {
  switch (format) {
    case 'curl':
      return runToCurl(run)
    case 'har':
      return runToHarJson(fingerprintOf ? withTokenFingerprints(run, fingerprintOf) : run, creator)
    case 'json':
      return runToScenario(run, input, now)
  }
}

/** The flow's name made safe for any file system (an imported run's flow is anyone's text). */
function fileNamePart(flow: string): string {
  return (
    flow
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'run'
  )
}

/** 2026-11-23T03:43:05.544Z → 2026-11-23-0343 (UTC, when the run started). */
function timeStamp(createdAt: string): string {
  const date = new Date(createdAt)
  const iso = Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString()
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`
}
