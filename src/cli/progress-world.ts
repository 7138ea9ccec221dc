import type { RunSettings } from './run-settings.js';

/**
 * Which world a run's progress belongs to, as the progress file's name says it: `sandbox` for the
 * embedded sandbox (its data lives in the config folder), `aws` for AWS, and for any other endpoint
 * the target with its host and port (`sandbox-127.0.0.1-4567`). Two `kinesis-lab sandbox` servers on
 * different ports are different worlds, so their progress never mixes; a world whose data was wiped
 * keeps its file, and the checks tell its new streams from the old (session-ledger's stream identity).
 */
export function progressWorld(settings: Pick<RunSettings, 'embeddedSandbox' | 'endpoint' | 'target'>): string {
  if (settings.embeddedSandbox || settings.endpoint === undefined) return settings.target;
  const url = new URL(settings.endpoint);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/[^a-z0-9.-]+/g, '_');
  return `${settings.target}-${host}-${port}`;
}
