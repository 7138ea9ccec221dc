/**
 * The sandbox held to botocore's own Kinesis, CloudWatch and Pipes models (botocore_conformance.py):
 * every operation's valid call answers 200; every call that breaks one constraint of one member of its
 * input (required, length, pattern, enum, range) answers HTTP 400 with the service's documented code;
 * CloudWatch actions the sandbox does not serve answer InvalidAction. Skipped, with the reason, when
 * python3 with botocore is not installed (the pip AWS CLI ships it).
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./botocore_conformance.py', import.meta.url));
const probe = spawnSync('python3', ['-c', 'import botocore; print(botocore.__version__)'], { encoding: 'utf8' });
const botocore = probe.status === 0 ? probe.stdout.trim() : undefined;

/**
 * What botocore's models ask of CloudWatch and Pipes that the sandbox's own services (src/sandbox/cloudwatch
 * and src/sandbox/pipes, whose persistence and accounts another branch is reworking this round) do not
 * check yet: each refused by AWS, carried out by the sandbox. The suite fails when the sandbox and this
 * list disagree either way, so fixing one means removing it here.
 */
const NOT_CHECKED_YET: Record<string, string[]> = {
  kinesis: [],
  cloudwatch: [
    'GetMetricData / MetricDataQueries[0].Period: below range',
    'GetMetricData / MetricDataQueries[0].AccountId: too short',
    'GetMetricData / MetricDataQueries[0].AccountId: too long',
    'GetMetricStatistics / Namespace: too long',
    'GetMetricStatistics / Namespace: off pattern',
    'GetMetricStatistics / MetricName: too long',
    'GetMetricStatistics / Dimensions: too many',
    'GetMetricStatistics / Dimensions[0].Name: too long',
    'GetMetricStatistics / Dimensions[0].Value: too long',
    'GetMetricStatistics / ExtendedStatistics: too few',
    'GetMetricStatistics / Unit: off enum',
    'ListMetrics / Namespace: too short',
    'ListMetrics / Namespace: too long',
    'ListMetrics / Namespace: off pattern',
    'ListMetrics / MetricName: too short',
    'ListMetrics / MetricName: too long',
    'ListMetrics / OwningAccount: too short',
    'ListMetrics / OwningAccount: too long',
  ],
  pipes: [
    'CreatePipe / Enrichment: off pattern',
    'CreatePipe / Tags: too few',
    'CreatePipe / KmsKeyIdentifier: too long',
    'CreatePipe / KmsKeyIdentifier: off pattern',
    'ListPipes / NamePrefix: too short',
    'ListPipes / NamePrefix: too long',
    'ListPipes / NamePrefix: off pattern',
    'ListPipes / SourcePrefix: too short',
    'ListPipes / SourcePrefix: too long',
    'ListPipes / TargetPrefix: too short',
    'ListPipes / TargetPrefix: too long',
    'ListTagsForResource / resourceArn: too long',
    'ListTagsForResource / resourceArn: off pattern',
    'TagResource / resourceArn: too long',
    'TagResource / resourceArn: off pattern',
    'UntagResource / resourceArn: too long',
    'UntagResource / resourceArn: off pattern',
    'UntagResource / tagKeys: required, missing',
    'UntagResource / tagKeys: too many',
    'UpdatePipe / Enrichment: off pattern',
    'UpdatePipe / KmsKeyIdentifier: too long',
    'UpdatePipe / KmsKeyIdentifier: off pattern',
  ],
};

interface Outcome {
  service: string;
  operation: string;
  case: string;
  expect: { status: number; codes?: string[] };
  status: number;
  code: string | null;
  message: string;
}

describe.skipIf(botocore === undefined)(`botocore ${botocore ?? '(not installed: python3 with botocore, from pip awscli or boto3, is needed)'} models against the sandbox`, () => {
  let sandbox: Sandbox | undefined;
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    // Batched calls, hundreds a second: AWS's call rates would throttle them, so limits are off here
    // (test/sandbox/kinesis-limits.test.ts holds the sandbox to them).
    sandbox = await startLabSandbox({ limits: 'off', createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, pipeCreatingMs: 0, metricsDelayMs: 0 });
    const { stdout } = await run('python3', [SCRIPT, sandbox.url], { env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_EC2_METADATA_DISABLED: 'true' }, maxBuffer: 64 * 1024 * 1024 });
    outcomes = stdout.trim().split('\n').map((line) => JSON.parse(line) as Outcome);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  const mismatches = (service: string) =>
    outcomes
      .filter((o) => o.service === service)
      .filter((o) => o.status !== o.expect.status || (o.expect.codes !== undefined && !o.expect.codes.includes(o.code ?? '')))
      .map((o) => `${o.operation} / ${o.case}`);

  it.each(['kinesis', 'cloudwatch', 'pipes'])('%s: every valid call succeeds and every invalid one gets the documented error, but for the gaps listed', (service) => {
    expect(mismatches(service)).toEqual(NOT_CHECKED_YET[service]);
  });

  it('answers each CloudWatch action the sandbox does not serve with InvalidAction, naming it', () => {
    const unserved = outcomes.filter((o) => o.service === 'cloudwatch' && o.case === 'not served');
    expect(unserved.length).toBeGreaterThan(40);
    for (const o of unserved) expect(o.message).toContain(`The action ${o.operation} is not valid for this web service.`);
  });

  it('covers each Kinesis operation of the model with a valid call and its constrained members with invalid ones', () => {
    const kinesis = outcomes.filter((o) => o.service === 'kinesis');
    expect(new Set(kinesis.filter((o) => o.case === 'valid').map((o) => o.operation)).size).toBe(39);
    expect(kinesis.filter((o) => o.case !== 'valid').length).toBeGreaterThan(150);
    // Kinesis words a refused member as Coral does.
    for (const o of kinesis.filter((x) => x.case !== 'valid')) expect(o.message, `${o.operation} / ${o.case}`).toMatch(/^\d+ validation errors? detected: Value /);
  });
});
