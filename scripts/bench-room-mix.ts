/**
 * The rest of a room around the learners' PutRecord loops (scripts/bench-engine-load.ts --room): the
 * instructor's class stream (in the default account, shared by its resource policy), and per learner a
 * pipe from their first stream to a stream of their own, a PutRecords producer (a batch of 500 every
 * 5 s) and a class progress event (PutRecord by the class stream's ARN, across accounts) every 5 s;
 * the instructor's board reads the class stream once a second. Setup goes through the SDK (IAM and
 * Pipes speak other protocols); the traffic through the SDK-shaped wire caller, as the PutRecord loops.
 */
import { randomUUID } from 'node:crypto';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreatePipeCommand, PipesClient } from '@aws-sdk/client-pipes';
import { classStreamPolicy } from '../src/classroom/class-policy.js';
import { accountIdFor } from '../src/sandbox/sandbox-accounts.js';
import { DEFAULT_KEY, taxiTrip, type KinesisCall } from './bench-sdk-wire.js';

const CLASS_STREAM = 'kinesis-lab-class';
const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const EVERY_MS = 5000;
const BOARD_EVERY_MS = 1000;

export interface RoomMix {
  endpoint: URL;
  region: string;
  learners: number;
  call: KinesisCall;
  keyFor: (learner: number) => string;
  /** A learner's first stream: the pipe's source. */
  sourceOf: (learner: number) => string;
}

/** Counts of the mix's own calls, apart from the measured PutRecord loops. */
export interface RoomCounts {
  putRecordsRecords: number;
  classEvents: number;
  boardReads: number;
  errors: number;
}

async function ok(call: Promise<{ status: number; body: string }>, what: string): Promise<string> {
  const answer = await call;
  if (answer.status !== 200) throw new Error(`${what}: ${answer.status} ${answer.body}`);
  return answer.body;
}

async function untilActive(mix: RoomMix, key: string, stream: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const described = await mix.call('DescribeStreamSummary', key, { StreamName: stream });
    if (described.status === 200 && described.body.includes('"ACTIVE"')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${stream} did not become ACTIVE`);
}

function classArn(mix: RoomMix): string {
  return `arn:aws:kinesis:${mix.region}:${accountIdFor(DEFAULT_KEY)}:stream/${CLASS_STREAM}`;
}

/** The class stream with its room policy, and each learner's role, pipe target stream and pipe. */
export async function setUpRoom(mix: RoomMix): Promise<void> {
  const arn = classArn(mix);
  await ok(mix.call('CreateStream', DEFAULT_KEY, { StreamName: CLASS_STREAM, ShardCount: 1 }), 'CreateStream class');
  await untilActive(mix, DEFAULT_KEY, CLASS_STREAM);
  await ok(mix.call('PutResourcePolicy', DEFAULT_KEY, { ResourceARN: arn, Policy: classStreamPolicy(arn, { kind: 'room' }) }), 'PutResourcePolicy');
  await Promise.all(Array.from({ length: mix.learners }, async (_, learner) => {
    const key = mix.keyFor(learner);
    const account = accountIdFor(key);
    const config = { region: mix.region, endpoint: mix.endpoint.origin, credentials: { accessKeyId: key, secretAccessKey: 'bench' }, maxAttempts: 1 };
    const iam = new IAMClient(config);
    const pipes = new PipesClient(config);
    try {
      const target = `learner-${learner}-pipe-target`;
      await ok(mix.call('CreateStream', key, { StreamName: target, ShardCount: 1 }), `CreateStream ${target}`);
      await untilActive(mix, key, target);
      await iam.send(new CreateRoleCommand({ RoleName: 'bench-pipe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
      await pipes.send(new CreatePipeCommand({
        Name: `learner-${learner}-pipe`,
        RoleArn: `arn:aws:iam::${account}:role/bench-pipe-role`,
        Source: `arn:aws:kinesis:${mix.region}:${account}:stream/${mix.sourceOf(learner)}`,
        SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST' } },
        Target: `arn:aws:kinesis:${mix.region}:${account}:stream/${target}`,
        TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
      }));
    } finally {
      iam.destroy();
      pipes.destroy();
    }
  }));
}

/** Runs the mix until `running()` is false; resolves when every loop has stopped. */
export async function roomTraffic(mix: RoomMix, running: () => boolean, counts: RoomCounts): Promise<void> {
  const arn = classArn(mix);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const counted = (answer: { status: number }, onOk: () => void) => (answer.status === 200 ? onOk() : (counts.errors += 1));
  const learnerLoop = async (learner: number) => {
    const key = mix.keyFor(learner);
    // Spread the learners over the interval, as a room does not act in step.
    await pause((EVERY_MS * learner) / mix.learners);
    for (let n = 0; running(); n++) {
      const records = Array.from({ length: 500 }, (_, i) => ({ Data: taxiTrip(n * 500 + i), PartitionKey: randomUUID() }));
      counted(await mix.call('PutRecords', key, { StreamName: mix.sourceOf(learner), Records: records }), () => (counts.putRecordsRecords += 500));
      const event = Buffer.from(JSON.stringify({ v: 1, learner: `bench-${learner}`, name: `Learner ${learner}`, step: 'put-records', status: 'working', seq: n, at: Date.now() })).toString('base64');
      counted(await mix.call('PutRecord', key, { StreamARN: arn, Data: event, PartitionKey: `bench-${learner}` }), () => (counts.classEvents += 1));
      await pause(EVERY_MS);
    }
  };
  const boardLoop = async () => {
    const first = JSON.parse(await ok(mix.call('GetShardIterator', DEFAULT_KEY, { StreamName: CLASS_STREAM, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }), 'GetShardIterator class')) as { ShardIterator: string };
    let iterator = first.ShardIterator;
    while (running()) {
      const read = await mix.call('GetRecords', DEFAULT_KEY, { ShardIterator: iterator });
      counted(read, () => (counts.boardReads += 1));
      if (read.status === 200) iterator = (JSON.parse(read.body) as { NextShardIterator: string }).NextShardIterator;
      await pause(BOARD_EVERY_MS);
    }
  };
  await Promise.all([boardLoop(), ...Array.from({ length: mix.learners }, (_, learner) => learnerLoop(learner))]);
}
