/**
 * The code files `w` writes, run as a learner would: each file's first line says `Run: <command>`,
 * and that command is run as written, in a fresh folder with a fresh HOME and no AWS configuration,
 * after the lines the code view tells a sandbox learner to paste. TypeScript files install their
 * packages with npm (from this machine's npm cache when it has them) and run with npx tsx.
 */
import { exec, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/content/load-lab.js';
import type { Lab } from '../../src/content/lab-model.js';
import { labDir } from '../../src/content/locate-labs.js';
import { solutionFiles, type SolutionLanguage } from '../../src/content/solution-files.js';
import { writeSolutionFiles } from '../../src/content/write-solution-files.js';
import { isTaxiTrip } from '../../src/producer/taxi-trip-generator.js';
import { createKinesisAdapter } from '../../src/aws/kinesis-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import type { KinesisPort } from '../../src/aws/kinesis-port.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { sandboxPasteLines } from '../../src/sandbox/sandbox-paste.js';

const run = promisify(exec);
const REGION = 'eu-west-1';
const STEPS = ['create-stream', 'put-record', 'put-records', 'metrics', 'pipe'];

const hasAwsCli = spawnSync('aws', ['--version']).status === 0;
const hasJq = spawnSync('jq', ['--version']).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
const hasNpm = spawnSync('npm', ['--version']).status === 0;

describe('the code files w writes run as their first line says', () => {
  let sandbox: Sandbox;
  let kinesis: KinesisPort;
  let lab: Lab;
  const scratch: string[] = [];

  beforeAll(async () => {
    // The sandbox learners get (CloudWatch, Pipes, IAM on one endpoint), quick to create things.
    sandbox = await startLabSandbox({ port: 0, createStreamMs: 0, metricsDelayMs: 0, pipeCreatingMs: 0 });
    kinesis = createKinesisAdapter(createKinesisClient({ region: REGION, endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } }));
    lab = await loadLab(labDir('kinesis-data-streams'), {
      checkKinds: new Set(['stream-active', 'records-in-stream', 'put-records-landed', 'put-metrics-visible', 'pipe-delivering']),
      actionKinds: new Set(['create-stream', 'produce', 'metrics-sample', 'create-pipe']),
    });
  });
  afterAll(async () => {
    await sandbox.stop();
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  });

  async function streamContents(stream: string): Promise<{ total: number; taxi: number }> {
    const records = await kinesis.readStream(stream, { limit: 20_000 });
    const taxi = records.filter((r) => isTaxiTrip(JSON.parse(Buffer.from(r.data).toString('utf8')))).length;
    return { total: records.length, taxi };
  }

  const languages: { language: SolutionLanguage; available: boolean; why: string; putRecordCount: number }[] = [
    { language: 'cli', available: hasAwsCli && hasJq, why: 'needs aws and jq', putRecordCount: 20 },
    { language: 'python', available: hasBoto3, why: 'needs python3 with boto3', putRecordCount: 200 },
    { language: 'typescript', available: hasNpm, why: 'needs npm', putRecordCount: 200 },
  ];

  for (const { language, available, why, putRecordCount } of languages) {
    it.skipIf(!available)(`${language}: every step's file, written by w into a fresh folder, runs as its first line says ${why && `(${why})`}`, async () => {
      const stream = `written-${language}`;
      const folder = await mkdtemp(join(tmpdir(), 'kinesis-lab-code-'));
      const home = await mkdtemp(join(tmpdir(), 'kinesis-lab-home-'));
      scratch.push(folder, home);
      // What a fresh shell has: no AWS variables, no ~/.aws. The npm cache is this machine's, so a second run is offline.
      const env = {
        PATH: process.env.PATH,
        HOME: home,
        LANG: 'C.UTF-8',
        npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
        npm_config_prefer_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      const paste = sandboxPasteLines({ endpoint: sandbox.url, region: REGION, ...SANDBOX_CREDENTIALS }).join('\n');
      const outputs: Record<string, string> = {};
      for (const stepId of STEPS) {
        const step = lab.steps.find((s) => s.id === stepId)!;
        const files = solutionFiles(step, { stream, region: REGION, endpoint: sandbox.url, shardCount: 1 })!;
        await writeSolutionFiles(folder, files, false);
        const file = files.find((f) => f.language === language)!;
        const firstLine = (await readFile(join(folder, file.name), 'utf8')).split('\n')[0]!;
        const command = /^(?:#|\/\/) Run: (.+)$/.exec(firstLine)?.[1];
        expect(command, `${file.name} starts with its run command`).toBeDefined();
        expect(command).toContain(file.name);
        const { stdout } = await run(`${paste}\n${command!}`, { cwd: folder, env, shell: '/bin/bash', timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
        outputs[stepId] = stdout;
      }
      expect(outputs['create-stream']).toContain('ACTIVE');
      // put-record's default (the shell one names a count) and put-records' default of 5000.
      expect(await streamContents(stream)).toEqual({ total: putRecordCount + 5000, taxi: putRecordCount + 5000 });
      expect(outputs.metrics).toMatch(/PutRecords\.SuccessfulRecords/);
      expect(outputs.pipe).toMatch(/^(CREATING|RUNNING)\s/m);
      for (let attempt = 0; attempt < 600; attempt++) {
        if ((await streamContents(`${stream}-pipe-target`)).total > 0) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      expect((await streamContents(`${stream}-pipe-target`)).total).toBeGreaterThan(0);
    }, 600_000);
  }
});
