/**
 * A read-only check creates only what the embedded sandbox must have: looking for the stream in every
 * other region (the not-found diagnosis) makes no database, file or server for a region with no stream.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, tempHome } from './cli-helpers.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe('built CLI: a read-only check on the embedded sandbox', () => {
  it('searches every region for the stream and leaves only the files the sandbox and the lab keep', async () => {
    const home = await tempHome();
    const run = await runCli(['check', '--sandbox', '--json'], { KINESIS_LAB_HOME: home });
    expect(run.code).toBe(1);
    // The not-found diagnosis looked across regions (and found nothing there).
    expect(jsonLines(run.stdout)[0]).toMatchObject({ step: 'create-stream', ok: false, evidence: ['The sandbox has no stream with this name or a similar one. A fresh sandbox starts empty.'] });
    // The sandbox keeps one journal and one snapshot per durable section (the access keys seen, and each
    // service, and the class registry), whatever the regions: none for the regions the diagnosis looked in.
    expect(await filesUnder(home)).toEqual([
      'owner-id',
      'regions/kinesis-data-streams-sandbox.json',
      ...['account-keys', 'classes', 'cloudwatch', 'iam', 'kinesis', 'logs', 'pipes'].flatMap((section) => [`sandbox-data/${section}.journal.jsonl`, `sandbox-data/${section}.snapshot.jsonl`]),
    ]);
  });
});
