/**
 * The learner's own tools against the sandbox: the machine's AWS CLI and boto3 run as
 * subprocesses with the dummy credentials from the banner and a throw-away HOME, so no real
 * AWS configuration leaks in.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxEnvLines } from '../../src/sandbox/sandbox-banner.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const run = promisify(execFile);

const awsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const hasAwsCli = awsCli.status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' }).status === 0;

const REGION = 'ap-northeast-2';

/** `export NAME=value` lines (as printed for learners) → an environment. */
function envFromBanner(lines: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines) {
    const match = /^export ([A-Z_]+)=(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`Not an export line: ${line}`);
    env[match[1]] = match[2].replace(/^'(.*)'$/, '$1');
  }
  return env;
}

describe('real AWS clients against the sandbox', () => {
  let box: TestSandbox;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let cliHint: string[];

  beforeAll(async () => {
    box = await startTestSandbox();
    home = await mkdtemp(join(tmpdir(), 'kinesis-lab-home-'));
    const banner = sandboxEnvLines(box.sandbox.url, REGION);
    cliHint = banner.cliHint.split(' ');
    env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...envFromBanner(banner.env),
    };
  });
  afterAll(async () => {
    await box.stop();
    await rm(home, { recursive: true, force: true });
  });

  it.skipIf(!hasAwsCli)(`creates and lists streams with the AWS CLI (${hasAwsCli ? awsCli.stdout.trim() : 'aws not found on PATH'})`, async () => {
    await run('aws', ['kinesis', 'create-stream', '--stream-name', 'cli-stream', '--shard-count', '1', ...cliHint], { env });
    const listed = await run('aws', ['kinesis', 'list-streams', '--output', 'json', ...cliHint], { env });
    expect((JSON.parse(listed.stdout) as { StreamNames: unknown }).StreamNames).toEqual(['cli-stream']);
    // The stream landed in the region the banner exported.
    expect((await box.kinesis(REGION).describeStreamSummary('cli-stream')).mode).toBe('PROVISIONED');
  });

  it.skipIf(!hasBoto3)('puts and describes with boto3, which reads AWS_ENDPOINT_URL (needs python3 with boto3)', async () => {
    await box.kinesis(REGION).createStream('boto-stream', { mode: 'ON_DEMAND' });
    await box.waitForActive('boto-stream', REGION);
    const script = [
      'import boto3, json',
      "k = boto3.client('kinesis')",
      "put = k.put_record(StreamName='boto-stream', Data=b'{\"trip\": 1}', PartitionKey='taxi')",
      "d = k.describe_stream_summary(StreamName='boto-stream')['StreamDescriptionSummary']",
      "print(json.dumps({'shard': put['ShardId'], 'status': put['ResponseMetadata']['HTTPStatusCode'], 'mode': d['StreamModeDetails']['StreamMode'], 'arn': d['StreamARN']}))",
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], { env });
    const result = JSON.parse(stdout) as { shard: string };
    expect(result).toMatchObject({ status: 200, mode: 'ON_DEMAND', arn: 'arn:aws:kinesis:ap-northeast-2:000000000000:stream/boto-stream' });
    const records = await box.kinesis(REGION).readStream('boto-stream');
    expect(records.map((record) => [record.shardId, record.partitionKey, new TextDecoder().decode(record.data)])).toEqual([
      [result.shard, 'taxi', '{"trip": 1}'],
    ]);
  });

  it.skipIf(!hasBoto3)('shows boto3 the AWS error code and text for a missing stream (needs python3 with boto3)', async () => {
    const script = [
      'import boto3',
      "k = boto3.client('kinesis')",
      'try:',
      "    k.describe_stream_summary(StreamName='nope')",
      'except k.exceptions.ResourceNotFoundException as e:',
      "    print(e.response['Error']['Code'] + ': ' + e.response['Error']['Message'])",
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], { env });
    expect(stdout.trim()).toBe('ResourceNotFoundException: Stream nope under account 000000000000 not found.');
  });

  it.skipIf(!hasBoto3)("reads with boto3's subscribe_to_shard: the event stream over HTTP/1.1, framed and checksummed as AWS frames it (needs python3 with boto3)", async () => {
    await box.kinesis(REGION).createStream('boto-efo', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('boto-efo', REGION);
    await box.kinesis(REGION).putRecords('boto-efo', [{ partitionKey: 'a', data: new TextEncoder().encode('first') }, { partitionKey: 'b', data: new TextEncoder().encode('second') }]);
    const script = [
      'import boto3, json, time',
      "k = boto3.client('kinesis')",
      "arn = k.describe_stream_summary(StreamName='boto-efo')['StreamDescriptionSummary']['StreamARN']",
      "consumer = k.register_stream_consumer(StreamARN=arn, ConsumerName='boto')['Consumer']['ConsumerARN']",
      "while k.describe_stream_consumer(ConsumerARN=consumer)['ConsumerDescription']['ConsumerStatus'] != 'ACTIVE': time.sleep(0.05)",
      "events = k.subscribe_to_shard(ConsumerARN=consumer, ShardId='shardId-000000000000', StartingPosition={'Type': 'TRIM_HORIZON'})['EventStream']",
      'for event in events:',
      "    e = event['SubscribeToShardEvent']",
      "    print(json.dumps({'data': [r['Data'].decode() for r in e['Records']], 'behind': e['MillisBehindLatest'], 'continuation': len(e['ContinuationSequenceNumber'])}))",
      '    break',
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], { env });
    expect(JSON.parse(stdout)).toEqual({ data: ['first', 'second'], behind: 0, continuation: 56 });
  });
});
