/**
 * Bad input never crashes: a table of bad inputs across the built CLI (flags, environment) and the
 * sandbox's HTTP API. Each gets a clear message naming the input, the right exit code or an
 * AWS-shaped error, and no stack trace; the sandbox keeps serving afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { validateRegion } from '../../src/validate/region.js';
import { CLI_COMMAND, runCli, tempHome } from './cli-helpers.js';

const LONG_NAME = `s${'a'.repeat(128)}`;

// [args, extra env, what stderr must say]; every one exits 2 with one line and no stack.
const CLI_CASES: [string[], Record<string, string>, string][] = [
  [['check', '--sandbox', '--stream', 'bad name!'], {}, 'kinesis-lab: --stream: Stream name "bad name!" has a space; use letters, digits, _ . - (1–128 characters).'],
  [['check', '--sandbox', '--stream', LONG_NAME], {}, 'is 129 characters long; use letters, digits, _ . - (1–128 characters).'],
  [['check', '--sandbox', '--stream', 'input/stream'], {}, 'kinesis-lab: --stream: Stream name "input/stream"'],
  [['check', '--region', 'ap-northest-2'], {}, 'kinesis-lab: --region: Region "ap-northest-2" is not an AWS region code; did you mean "ap-northeast-2"?'],
  [['check', '--region', 'us-east-1a'], {}, 'kinesis-lab: --region: "us-east-1a" is an Availability Zone, not a region; use "us-east-1".'],
  [['check', '--region', 'seoul'], {}, 'kinesis-lab: --region: Region "seoul" is a place name; the code of Asia Pacific (Seoul) is "ap-northeast-2".'],
  [['check', '--region', ' '], {}, 'kinesis-lab: --region needs a value'],
  [['check'], { AWS_REGION: 'seoul' }, 'kinesis-lab: AWS_REGION: Region "seoul" is a place name'],
  [['--lang', 'fr'], {}, 'kinesis-lab: --lang must be ko or en, not "fr"'],
  [['produce', '--sandbox', '--count', '-5'], {}, 'kinesis-lab: --count got a value starting with "-"; write it as --count=VALUE'],
  [['produce', '--sandbox', '--count=-5'], {}, 'kinesis-lab: --count: '],
  [['produce', '--sandbox', '--count', '1.5'], {}, 'kinesis-lab: --count: Record count "1.5" is not a whole number; use a whole number from 1 to 1,000,000.'],
  [['produce', '--sandbox', '--rate', '0'], {}, 'kinesis-lab: --rate: Rate "0" is not more than 0'],
  [['produce', '--sandbox', '--batch-size', '501'], {}, 'kinesis-lab: --batch-size: Batch size "501" is more than 500, the PutRecords limit; use a whole number from 1 to 500.'],
  [['produce', '--sandbox', '--batch-size', 'abc'], {}, 'kinesis-lab: --batch-size: Batch size "abc" is not a number'],
  [['produce', '--sandbox', '--duration', '10x'], {}, 'kinesis-lab: --duration: Duration "10x" is not a duration'],
  [['produce', '--sandbox', '--count', '5', '--duration', '1s'], {}, 'kinesis-lab: use either --count or --duration, not both'],
  [['produce', '--api', 'kinesis'], {}, 'kinesis-lab: --api must be put-record or put-records, not "kinesis"'],
  [['sandbox', '--port', '70000'], {}, 'kinesis-lab: --port must be a whole number from 0 to 65535 (0 picks a free one), not "70000"'],
  [['sandbox', '--host', 'no-such-host.invalid'], {}, 'kinesis-lab: --host "no-such-host.invalid" is not a name this machine can resolve; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, for a room)'],
  [['sandbox', '--host', '203.0.113.77'], {}, 'kinesis-lab: --host "203.0.113.77" is not an address of this machine; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, for a room)'],
  [['sandbox', '--host', 'bad host!'], {}, 'kinesis-lab: --host "bad host!" is not a host name or IP address'],
  [['sandbox', '--data-dir', 'x', '--ephemeral'], {}, 'kinesis-lab: use either --data-dir or --ephemeral, not both'],
  [['sandbox', '--faults', 'slow'], {}, 'kinesis-lab: --faults: unknown fault "slow"'],
  [['sandbox', '--faults', 'error-rate=2'], {}, 'kinesis-lab: --faults: error-rate needs a share from 0 to 1, e.g. error-rate=0.05 (got "2")'],
  [['sandbox', '--faults', 'latency=fast'], {}, 'kinesis-lab: --faults: latency needs a duration up to 60s'],
  [['check', '--sandbox', '--faults', 'throttle,throttle'], {}, 'kinesis-lab: --faults: "throttle" is given twice'],
  [['check', '--faults', 'throttle', '--region', 'us-east-1'], {}, `kinesis-lab: --faults makes the sandbox misbehave on purpose: use it with --sandbox, or on ${CLI_COMMAND} sandbox`],
  [['check', '--endpoint-url', 'ftp://x'], {}, 'kinesis-lab: --endpoint-url "ftp://x" must start with http:// or https://'],
  [['check', '--endpoint-url', 'notaurl'], {}, 'kinesis-lab: --endpoint-url "notaurl" is not a URL'],
  [['check'], { AWS_ENDPOINT_URL: 'localhost:4567', AWS_REGION: 'us-east-1' }, 'kinesis-lab: AWS_ENDPOINT_URL "localhost:4567" must start with http:// or https://'],
  [['check', '--sandbox', '--endpoint-url', 'http://127.0.0.1:1'], {}, 'kinesis-lab: use either --sandbox or --endpoint-url, not both'],
  [['frobnicate'], {}, 'kinesis-lab: unknown command "frobnicate"'],
  [['doctor', 'extra'], {}, 'kinesis-lab: unexpected argument "extra" for doctor'],
  [['check', 'nope'], {}, 'kinesis-lab: unknown step "nope"'],
  [['--step', 'nope'], {}, 'kinesis-lab: unknown step "nope"'],
  [['solve'], {}, 'kinesis-lab: solve needs at least one step id'],
  [['check', '--colour'], {}, `kinesis-lab: unknown option --colour for check (run ${CLI_COMMAND} check --help)`],
  [['produce', '--count'], {}, 'kinesis-lab: --count needs a value'],
  [['check', '--sandbox', '--lang', 'ko', '--stream', 'bad name!'], {}, 'kinesis-lab: --stream: 스트림 이름 "bad name!"'],
  [['check', '--lang', 'ko', '--region', 'ap-northest-2'], {}, 'kinesis-lab: --region: 리전 "ap-northest-2" 값은 AWS 리전 코드가 아닙니다. 혹시 "ap-northeast-2" 리전을 말씀하신 건가요?'],
];

describe('bad input on the command line: exit 2, one clear line, no stack', () => {
  it.each(CLI_CASES)('%j %j', async (args, env, message) => {
    const run = await runCli(args, { KINESIS_LAB_HOME: await tempHome(), ...env });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('bad input at the interactive region prompt (its validator, the one the prompt loops on)', () => {
  it.each([
    ['', 'Region is empty'],
    ['서울', 'Region "서울"'],
    ['ap-northeast2', 'did you mean "ap-northeast-2"?'],
    ['AP-NORTHEAST-2', 'did you mean "ap-northeast-2"?'],
  ])('%j', (answer, message) => {
    const checked = validateRegion(answer);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.message.en).toContain(message);
      expect(checked.message.ko).not.toBe(checked.message.en);
    }
  });
});

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIAKINESISLAB000000/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000';

describe('bad requests to the sandbox API: an AWS-shaped error, never a crash', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startLabSandbox({ metricsDelayMs: 0, faults: { throttle: { recordsPerSecond: 5, bytesPerSecond: 1_048_576 } } });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  const kinesis = (operation: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/x-amz-json-1.1') =>
    fetch(sandbox.url, { method: 'POST', headers: { 'content-type': contentType, 'x-amz-target': `Kinesis_20131202.${operation}`, authorization: AUTH, 'x-amz-date': '20260101T000000Z' }, body });

  const records = (n: number) => JSON.stringify({ StreamName: 'x', Records: Array.from({ length: n }, () => ({ PartitionKey: 'k', Data: 'eA==' })) });

  it.each<[string, () => Promise<Response>, number, string]>([
    ['malformed JSON', () => kinesis('PutRecord', '{"StreamName": '), 400, 'SerializationException'],
    ['an empty body', () => kinesis('PutRecord', ''), 400, 'SerializationException'],
    ['StreamName as a number', () => kinesis('DescribeStreamSummary', '{"StreamName":5}'), 400, 'SerializationException'],
    ['an unknown Kinesis target', () => kinesis('Frobnicate', '{}'), 400, 'UnknownOperationException'],
    ['a stream name with a space', () => kinesis('CreateStream', '{"StreamName":"bad name!","ShardCount":1}'), 400, 'ValidationException'],
    ['a 129-character stream name', () => kinesis('DescribeStreamSummary', JSON.stringify({ StreamName: LONG_NAME })), 400, 'ValidationException'],
    ['ShardCount as a string', () => kinesis('CreateStream', '{"StreamName":"ok","ShardCount":"two"}'), 400, 'SerializationException'],
    ['PutRecords with 501 records', () => kinesis('PutRecords', records(501)), 400, 'ValidationException'],
    ['PutRecords whose Records is not a list', () => kinesis('PutRecords', '{"StreamName":"x","Records":"nope"}'), 400, 'SerializationException'],
    ['PutRecord to a missing stream', () => kinesis('PutRecord', '{"StreamName":"missing","PartitionKey":"k","Data":"eA=="}'), 400, 'ResourceNotFoundException'],
    ['a GET to a random path', () => fetch(`${sandbox.url}/whatever`), 400, 'UnknownOperationException'],
    ['a signature scoped to a region that does not exist', () => fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', authorization: AUTH.replace('us-east-1', 'mars-1') }, body: '{}' }), 400, 'InvalidSignatureException'],
  ])('%s', async (_name, call, status, type) => {
    const response = await call();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { __type?: string; message?: string };
    expect(body.__type?.split('#').at(-1)).toBe(type);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it.each(['/v1/pipes/%E0%A4%A', '/v1/pipes/bad%zzname/start', '/tags/arn%3Aaws%3Apipes%3Aus-east-1%3A000000000000%3Apipe%2F%'])('a malformed %% escape in the Pipes path %s gets a 400 ValidationException, not a 500', async (path) => {
    const response = await fetch(`${sandbox.url}${path}`, { headers: { authorization: AUTH.replace('/kinesis/', '/pipes/'), 'x-amz-date': '20260101T000000Z' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(((await response.json()) as { message: string }).message).toContain('valid percent-encoded string');
  });

  it('garbage CBOR gets a CBOR SerializationException; an unknown STS action an XML error; the sandbox still serves', async () => {
    const cbor = await kinesis('PutRecord', new Uint8Array([0xff, 0xfe]), 'application/x-amz-cbor-1.1');
    expect(cbor.status).toBe(400);
    expect(Buffer.from(await cbor.arrayBuffer()).toString('latin1')).toContain('SerializationException');
    const sts = await fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=Frobnicate&Version=2011-06-15' });
    expect(sts.status).toBe(400);
    expect(await sts.text()).toContain('<Code>InvalidAction</Code>');
    const alive = await kinesis('ListStreams', '{}');
    expect(alive.status).toBe(200);
  });
});
