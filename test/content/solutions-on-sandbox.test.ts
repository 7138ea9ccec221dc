/**
 * The reference solutions, rendered for the sandbox, run as a learner would run them: the AWS CLI
 * scripts with bash, the Python ones with python3 (boto3), the TypeScript ones transpiled and run
 * with node. Each language gets its own stream, and the stream's contents are the evidence.
 * Only the endpoint placeholders point at the sandbox (no AWS_ENDPOINT_URL), so this also proves
 * the templates' endpoint wiring.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/content/load-lab.js';
import type { Lab, StepSolution } from '../../src/content/lab-model.js';
import { labDir } from '../../src/content/locate-labs.js';
import { renderSolution } from '../../src/content/render-solution.js';
import { buildLabContext } from '../../src/cli/build-lab-context.js';
import { checkPipeDelivering } from '../../src/checks/pipe-delivering.js';
import { isTaxiTrip } from '../../src/producer/taxi-trip-generator.js';
import { attachPipes } from '../../src/sandbox/pipes/attach-pipes.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const run = promisify(execFile);
const REGION = 'ap-northeast-2';

const hasAwsCli = spawnSync('aws', ['--version']).status === 0;
const hasJq = spawnSync('jq', ['--version']).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;

type Language = keyof StepSolution;

describe('the shipped solutions on the sandbox', () => {
  let box: TestSandbox;
  let lab: Lab;
  let scratch: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // The pipe polls every 50 ms to keep this quick: 20 reads/s, more than a shard serves on AWS, so
    // AWS's limits are off here (test/sandbox/kinesis-limits.test.ts holds the sandbox to them).
    box = await startTestSandbox({ limits: 'off' });
    attachPipes(box.sandbox, { creatingDelayMs: 0, transitionDelayMs: 0, pollIntervalMs: 50 });
    lab = await loadLab(labDir('kinesis-data-streams'), {
      checkKinds: new Set(['stream-active', 'records-in-stream', 'put-records-landed', 'put-metrics-visible', 'pipe-delivering']),
      actionKinds: new Set(['create-stream', 'produce', 'metrics-sample', 'create-pipe']),
    });
    scratch = await mkdtemp(join(tmpdir(), 'kinesis-lab-run-solutions-'));
    // Transpiled TypeScript solutions import the SDK; let node find this package's node_modules.
    await symlink(resolve(import.meta.dirname, '../../node_modules'), join(scratch, 'node_modules'), 'dir');
    env = {
      PATH: process.env.PATH,
      HOME: scratch,
      AWS_CONFIG_FILE: join(scratch, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
    };
  });
  afterAll(async () => {
    await box.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  /** Renders one step's solution for `stream` and runs it with `args`; returns its stdout. */
  async function runSolution(step: string, language: Language, stream: string, args: string[] = []): Promise<string> {
    const template = lab.steps.find((s) => s.id === step)?.solution?.[language];
    if (!template) throw new Error(`no ${language} solution for ${step}`);
    const text = renderSolution(template, { stream, region: REGION, shardCount: 1, endpoint: box.sandbox.url });
    const base = join(scratch, `${step}-${language}`);
    let command: string[];
    if (language === 'cli') {
      await writeFile(`${base}.sh`, text);
      command = ['bash', `${base}.sh`];
    } else if (language === 'python') {
      await writeFile(`${base}.py`, text);
      command = ['python3', `${base}.py`];
    } else {
      const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      await writeFile(`${base}.mjs`, js);
      command = [process.execPath, `${base}.mjs`];
    }
    const { stdout } = await run(command[0]!, [...command.slice(1), ...args], { env, cwd: scratch, timeout: 120_000 });
    return stdout;
  }

  async function streamContents(stream: string): Promise<{ total: number; taxi: number }> {
    const records = await box.kinesis(REGION).readStream(stream, { limit: 10_000 });
    let taxi = 0;
    for (const record of records) {
      if (isTaxiTrip(JSON.parse(Buffer.from(record.data).toString('utf8')))) taxi++;
    }
    return { total: records.length, taxi };
  }

  const languages = [
    { language: 'cli' as const, available: hasAwsCli && hasJq, why: 'needs aws and jq' },
    { language: 'python' as const, available: hasBoto3, why: 'needs python3 with boto3' },
    { language: 'typescript' as const, available: true, why: '' },
  ];

  for (const { language, available, why } of languages) {
    it.skipIf(!available)(`${language}: creates the stream, then PutRecord and PutRecords fill it with taxi trips ${why && `(${why})`}`, async () => {
      const stream = `solution-${language}`;

      const created = await runSolution('create-stream', language, stream);
      expect(created).toContain('ACTIVE');
      expect(created).toContain(`arn:aws:kinesis:${REGION}:`);
      const summary = await box.kinesis(REGION).describeStreamSummary(stream);
      expect(summary).toMatchObject({ status: 'ACTIVE', openShardCount: 1 });

      const single = await runSolution('put-record', language, stream, ['3']);
      // One line per record: (request id and HTTP 200 where the SDK exposes them,) shard and sequence number.
      const lines = single.trim().split('\n');
      expect(lines).toHaveLength(3);
      for (const line of lines) expect(line).toMatch(/shardId-000000000000\s+\d{20,}$/);
      if (language !== 'cli') for (const line of lines) expect(line).toMatch(/^\S+ 200 shardId-/);
      expect(await streamContents(stream)).toEqual({ total: 3, taxi: 3 });

      // 501 entries: one full batch of 500 and one of a single entry.
      const batched = await runSolution('put-records', language, stream, ['501']);
      expect(batched.trim().split('\n')).toHaveLength(2);
      expect(await streamContents(stream)).toEqual({ total: 504, taxi: 504 });
    });
  }

  // The sandbox renders the IAM wait as 0 s (its IAM is immediate), so every language's pipe solution runs.
  const pipeLanguages = [
    { language: 'python' as const, available: hasBoto3, why: 'needs python3 with boto3' },
    { language: 'cli' as const, available: hasAwsCli && hasJq, why: 'needs aws and jq' },
    { language: 'typescript' as const, available: true, why: '' },
  ];
  for (const { language, available, why } of pipeLanguages) {
    it.skipIf(!available)(
      `${language}: the pipe solution connects the stream to a second stream that receives its records ${why && `(${why})`}`,
      async () => {
        const stream = `pipe-${language}`;
        await runSolution('create-stream', 'python', stream);
        await runSolution('put-record', 'python', stream, ['2']);

        const described = await runSolution('pipe', language, stream);
        expect(described).toMatch(/^(CREATING|RUNNING)\s/m);
        // TRIM_HORIZON: the two records sent before the pipe existed still reach the target.
        for (let attempt = 0; attempt < 300; attempt++) {
          if ((await streamContents(`${stream}-pipe-target`)).total >= 2) break;
          await new Promise((done) => setTimeout(done, 100));
        }
        // With no input transformation the target gets the pipe's event, the trip still base64 inside.
        const delivered = await box.kinesis(REGION).readStream(`${stream}-pipe-target`, { limit: 10 });
        const sent = await box.kinesis(REGION).readStream(stream, { limit: 10 });
        expect(delivered).toHaveLength(2);
        delivered.forEach((record, i) => {
          const event = JSON.parse(Buffer.from(record.data).toString('utf8')) as { partitionKey: string; data: string; eventSourceARN: string };
          expect(event.partitionKey).toBe(sent[i]!.partitionKey);
          expect(event.eventSourceARN).toMatch(new RegExp(`:stream/${stream}$`));
          expect(isTaxiTrip(JSON.parse(Buffer.from(event.data, 'base64').toString('utf8')))).toBe(true);
          // PartitionKey "$.partitionKey": the target keeps the source's keys.
          expect(record.partitionKey).toBe(sent[i]!.partitionKey);
        });
        // The step's check accepts the pipe the solution made: same names, same settings.
        const url = box.sandbox.url;
        const ctx = buildLabContext({ lang: 'en', stream, target: 'sandbox', embeddedSandbox: false, region: REGION, regionSource: 'flag', endpoint: url, pipesEndpoint: url, iamEndpoint: url }, lab.id);
        const step = lab.steps.find((s) => s.id === 'pipe')!;
        const result = await checkPipeDelivering(ctx, 'pipe', step.check!.params);
        expect(result.outcome, JSON.stringify(result.evidence)).toBe('passed');
      },
    );
  }
});
