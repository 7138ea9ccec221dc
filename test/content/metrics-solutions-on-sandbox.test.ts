/**
 * Step 4's reference solutions (AWS CLI get-metric-statistics, SDK v3 GetMetricData, boto3's
 * paginator), rendered for a lab sandbox and run as a learner would: each prints the per-minute sums
 * of the records the test put. The sandbox clock is moved a minute ahead after the puts, so their
 * minute has ended (delay 0) without waiting for it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKinesisAdapter } from '../../src/aws/kinesis-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import type { Lab, StepSolution } from '../../src/content/lab-model.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { renderSolution } from '../../src/content/render-solution.js';
import { ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECK_KINDS } from '../../src/checks/check-registry.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';

const run = promisify(execFile);
const REGION = 'ap-northeast-2';
const STREAM = 'metrics-solutions';
const hasAwsCli = spawnSync('aws', ['--version']).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;

describe('the metrics solutions on the sandbox', () => {
  let sandbox: Sandbox;
  let lab: Lab;
  let scratch: string;
  let offset = 0;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ port: 0, createStreamMs: 0, metricsDelayMs: 0, clock: () => Date.now() + offset });
    lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
    scratch = await mkdtemp(join(tmpdir(), 'kinesis-lab-metrics-solutions-'));
    await symlink(resolve(import.meta.dirname, '../../node_modules'), join(scratch, 'node_modules'), 'dir');
    const port = createKinesisAdapter(createKinesisClient({ region: REGION, endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } }, { maxAttempts: 1 }));
    await port.createStream(STREAM, { mode: 'PROVISIONED', shardCount: 1 });
    const data = new TextEncoder().encode('{"tripId":"t"}');
    for (let i = 0; i < 7; i++) await port.putRecord(STREAM, { partitionKey: `k${i}`, data });
    await port.putRecords(STREAM, Array.from({ length: 11 }, (_, i) => ({ partitionKey: `b${i}`, data })));
    offset = 60_000; // the minute of the puts has ended on the sandbox's clock
  });
  afterAll(async () => {
    await sandbox.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  async function runSolution(language: keyof StepSolution): Promise<string> {
    const template = lab.steps.find((s) => s.id === 'metrics')!.solution![language];
    const text = renderSolution(template, { stream: STREAM, region: REGION, endpoint: sandbox.url });
    const base = join(scratch, `metrics-${language}`);
    let command: string[];
    if (language === 'cli') {
      await writeFile(`${base}.sh`, text);
      command = ['bash', `${base}.sh`];
    } else if (language === 'python') {
      await writeFile(`${base}.py`, text);
      command = ['python3', `${base}.py`];
    } else {
      await writeFile(`${base}.mjs`, ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
      command = [process.execPath, `${base}.mjs`];
    }
    const env = {
      PATH: process.env.PATH,
      HOME: scratch,
      AWS_CONFIG_FILE: join(scratch, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
    };
    const { stdout } = await run(command[0]!, command.slice(1), { env, cwd: scratch, timeout: 60_000 });
    return stdout;
  }

  /** The sum of the `<time> <value>` lines under a metric's `== NAME …` heading (the puts may straddle a minute). */
  function valueUnder(output: string, metric: string): number {
    const lines = output.split('\n');
    const at = lines.findIndex((line) => line.startsWith(`== ${metric} `));
    expect(at, `${metric} in:\n${output}`).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((line, i) => i > at && line.startsWith('== '));
    const values = lines.slice(at + 1, end === -1 ? undefined : end).filter((line) => line.trim() !== '');
    expect(values.length, `${metric} data points in:\n${output}`).toBeGreaterThan(0);
    return values.reduce((sum, line) => sum + Number(line.trim().split(/\s+/).at(-1)), 0);
  }

  const languages = [
    { language: 'cli' as const, available: hasAwsCli, why: ' (needs aws)' },
    { language: 'python' as const, available: hasBoto3, why: ' (needs python3 with boto3)' },
    { language: 'typescript' as const, available: true, why: '' },
  ];
  for (const { language, available, why } of languages) {
    it.skipIf(!available)(`${language}: prints the per-minute sums of what was put${why}`, async () => {
      const output = await runSolution(language);
      expect(valueUnder(output, 'PutRecord.Success')).toBe(7);
      expect(valueUnder(output, 'PutRecords.SuccessfulRecords')).toBe(11);
      expect(valueUnder(output, 'PutRecords.FailedRecords')).toBe(0);
      expect(valueUnder(output, 'PutRecords.ThrottledRecords')).toBe(0);
    });
  }
});
