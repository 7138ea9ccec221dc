/**
 * The AWS CLIs a learner may have, against the sandbox's CloudWatch: the `aws` on PATH (pip's
 * CLI v1 here, which sends AWS JSON 1.0) and Debian's packaged CLI v2 at /usr/bin/aws (query
 * protocol, XML answers). A spy service mounted first records which protocol each one spoke.
 * Each CLI's tests are skipped when it is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateStreamCommand, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCloudWatch } from '../../src/sandbox/cloudwatch/cloudwatch-service.js';
import { awsCliEnv } from '../fixtures/aws-cli-env.js';
import { startTestSandbox, TEST_REGION, type TestSandbox } from '../fixtures/sandbox.js';

const run = promisify(execFile);

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const MIN = 60_000;
const STREAM = 'input-stream';

function version(command: string): string | undefined {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout}${result.stderr}`.trim() : undefined;
}

const pathCli = version('aws');
const debianCli = version('/usr/bin/aws');
const CLIS: { label: string; command: string; version: string | undefined; protocol: 'json' | 'query' }[] = [
  { label: 'aws on PATH', command: 'aws', version: pathCli, protocol: pathCli?.startsWith('aws-cli/1.') ? 'json' : 'query' },
  // Only a second CLI when /usr/bin/aws is not the one PATH finds.
  { label: '/usr/bin/aws', command: '/usr/bin/aws', version: debianCli !== pathCli ? debianCli : undefined, protocol: 'query' },
];

let now = T0;
let box: TestSandbox;
let home: string;
let env: NodeJS.ProcessEnv;
const seen: { userAgent: string; protocol: 'json' | 'query' | 'other' }[] = [];

beforeAll(async () => {
  box = await startTestSandbox({ clock: () => now });
  box.sandbox.mount({
    name: 'protocol-spy',
    claims(request) {
      const type = request.headers['content-type'] ?? '';
      const protocol = type.startsWith('application/x-amz-json-1.0') ? 'json' : type.startsWith('application/x-www-form-urlencoded') ? 'query' : 'other';
      if (request.service === 'monitoring') seen.push({ userAgent: request.headers['user-agent'] ?? '', protocol });
      return false;
    },
    handle() {
      return Promise.reject(new Error('the spy never claims a request'));
    },
  });
  attachCloudWatch(box.sandbox, { delayMs: 0, clock: () => now });
  const kinesis = box.client();
  await kinesis.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 1 }));
  await box.waitForActive(STREAM);
  now = T0 + 1_000;
  await kinesis.send(new PutRecordCommand({ StreamName: STREAM, Data: new Uint8Array(8), PartitionKey: 'ab' }));
  await kinesis.send(new PutRecordsCommand({ StreamName: STREAM, Records: [{ Data: new Uint8Array(3), PartitionKey: 'c' }, { Data: new Uint8Array(5), PartitionKey: 'd' }] }));
  now = T0 + MIN + 2_000;
  await kinesis.send(new PutRecordCommand({ StreamName: STREAM, Data: new Uint8Array(40), PartitionKey: 'e' }));
  now = T0 + 10 * MIN;

  home = await mkdtemp(join(tmpdir(), 'kinesis-lab-cw-home-'));
  env = awsCliEnv(home);
});

afterAll(async () => {
  await box.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

async function aws(command: string, args: string[]): Promise<unknown> {
  const { stdout } = await run(command, [...args, '--endpoint-url', box.sandbox.url, '--region', TEST_REGION, '--output', 'json'], { env });
  return JSON.parse(stdout) as unknown;
}

/**
 * CLI v1 prints timestamps as received (epoch seconds for JSON 1.0); CLI v2 prints ISO-8601.
 */
function epochMs(value: unknown): number {
  return typeof value === 'number' ? value * 1000 : Date.parse(String(value));
}

const window = ['--start-time', new Date(T0).toISOString(), '--end-time', new Date(T0 + 5 * MIN).toISOString()];

describe.each(CLIS)('$label', ({ command, version: cliVersion, protocol }) => {
  it.skipIf(!cliVersion)(`get-metric-statistics returns what was put (${cliVersion ?? 'not installed'})`, async () => {
    const seenBefore = seen.length;
    const output = (await aws(command, [
      'cloudwatch',
      'get-metric-statistics',
      '--namespace',
      'AWS/Kinesis',
      '--metric-name',
      'IncomingBytes',
      '--dimensions',
      `Name=StreamName,Value=${STREAM}`,
      ...window,
      '--period',
      '60',
      '--statistics',
      'Sum',
      'SampleCount',
      'Maximum',
    ])) as { Label: string; Datapoints: Record<string, unknown>[] };
    expect(output.Label).toBe('IncomingBytes');
    const datapoints = output.Datapoints.map((point) => ({ ...point, Timestamp: epochMs(point.Timestamp) })).sort(
      (a, b) => a.Timestamp - b.Timestamp,
    );
    // Minute 0: PutRecord 8+2 bytes and PutRecords (3+1)+(5+1); minute 1: 40+1.
    expect(datapoints).toEqual([
      { Timestamp: T0, Sum: 20, SampleCount: 2, Maximum: 10, Unit: 'Bytes' },
      { Timestamp: T0 + MIN, Sum: 41, SampleCount: 1, Maximum: 41, Unit: 'Bytes' },
    ]);
    expect(seen.slice(seenBefore).map((request) => request.protocol)).toEqual([protocol]);
  });

  it.skipIf(!cliVersion)('get-metric-data and list-metrics page through the sandbox', async () => {
    const queries = JSON.stringify([
      { Id: 'records', MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [{ Name: 'StreamName', Value: STREAM }] }, Period: 60, Stat: 'Sum' } },
      { Id: 'total', MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: 'PutRecords.TotalRecords', Dimensions: [{ Name: 'StreamName', Value: STREAM }] }, Period: 60, Stat: 'Sum' } },
    ]);
    const data = (await aws(command, ['cloudwatch', 'get-metric-data', '--metric-data-queries', queries, ...window, '--scan-by', 'TimestampAscending'])) as {
      MetricDataResults: { Id: string; Timestamps: unknown[]; Values: number[]; StatusCode: string }[];
    };
    expect(data.MetricDataResults.map((r) => ({ ...r, Timestamps: r.Timestamps.map(epochMs) }))).toEqual([
      { Id: 'records', Label: 'IncomingRecords', Timestamps: [T0, T0 + MIN], Values: [3, 1], StatusCode: 'Complete', Messages: [] },
      { Id: 'total', Label: 'PutRecords.TotalRecords', Timestamps: [T0], Values: [2], StatusCode: 'Complete', Messages: [] },
    ]);

    // --page-size sets MaxDatapoints; the CLI follows NextToken and concatenates every page's results.
    const paged = (await aws(command, ['cloudwatch', 'get-metric-data', '--metric-data-queries', queries, ...window, '--scan-by', 'TimestampAscending', '--page-size', '1'])) as {
      MetricDataResults: { Id: string; Timestamps: unknown[]; Values: number[]; StatusCode: string }[];
    };
    expect(paged.MetricDataResults.map((r) => `${r.Id} ${r.Timestamps.map((t) => (epochMs(t) - T0) / MIN).join(',')} ${r.Values.join(',')} ${r.StatusCode}`)).toEqual([
      'records 0 3 PartialData',
      'total   PartialData',
      'records 1 1 Complete',
      'total   PartialData',
      'records   Complete',
      'total 0 2 Complete',
    ]);

    const listed = (await aws(command, ['cloudwatch', 'list-metrics', '--namespace', 'AWS/Kinesis', '--metric-name', 'IncomingRecords'])) as { Metrics: unknown[] };
    expect(listed.Metrics).toEqual([{ Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [{ Name: 'StreamName', Value: STREAM }] }]);
  });

  it.skipIf(!cliVersion)('put-metric-alarm fails with CloudWatch’s error shape', async () => {
    const failure = run(
      command,
      [
        'cloudwatch',
        'put-metric-alarm',
        '--alarm-name',
        'a',
        '--namespace',
        'AWS/Kinesis',
        '--metric-name',
        'IncomingBytes',
        '--statistic',
        'Sum',
        '--period',
        '60',
        '--threshold',
        '1',
        '--comparison-operator',
        'GreaterThanThreshold',
        '--evaluation-periods',
        '1',
        '--endpoint-url',
        box.sandbox.url,
        '--region',
        TEST_REGION,
      ],
      { env },
    );
    // CLI v2 inserts "(reached max retries: 0)" before the colon; v1 does not.
    await expect(failure).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /An error occurred \(InvalidAction\) when calling the PutMetricAlarm operation( \(reached max retries: \d+\))?: The action PutMetricAlarm is not valid for this web service\./,
      ) as unknown,
    });
  });
});
