/**
 * The committed Kinesis validation model and region list are what the installed botocore says:
 * a botocore upgrade that changes a constraint or adds a region fails here until they are
 * regenerated (node scripts/generate-kinesis-model.mjs, node scripts/generate-aws-regions.mjs).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const probe = spawnSync('python3', ['-c', 'import botocore; print(botocore.__version__)'], { encoding: 'utf8' });
const botocore = probe.status === 0 ? probe.stdout.trim() : undefined;

describe.skipIf(botocore === undefined)(`generated from botocore ${botocore ?? '(not installed: python3 with botocore, from pip awscli or boto3, is needed)'}`, () => {
  it.each(['generate-kinesis-model.mjs', 'generate-aws-regions.mjs'])('%s --check finds the committed file up to date', (script) => {
    const run = spawnSync(process.execPath, [`scripts/${script}`, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/matches botocore/);
  });
});
