import { CreateStreamCommand, SplitShardCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassStreamTakenError, createClassStream, createClassStreamReader, putClassEvent } from '../../src/aws/class-stream.js';
import { BoardFeed } from '../../src/classroom/board-feed.js';
import { encodeClassEvent, type ClassEvent } from '../../src/classroom/class-event.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const ev = (learnerId: string, seq: number, step: string, status: ClassEvent['status']): ClassEvent => ({ learnerId, name: learnerId, seq, at: seq, step, status });

describe('class stream on the sandbox', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    // Six CreateStream calls inside a second from clients that do not retry: AWS's five a second per
    // account would refuse the sixth (test/sandbox/kinesis-limits.test.ts holds the sandbox to that).
    box = await startTestSandbox({ limits: 'off' });
  });
  afterAll(() => box.stop());

  it('is created tagged, reused when run again, and refused when an untagged stream has its name', async () => {
    const client = box.client();
    const first = await createClassStream(client, 'room-a', { sleep });
    expect(first).toEqual({ arn: expect.stringMatching(/^arn:aws:kinesis:us-east-1:\d+:stream\/room-a$/), created: true });
    expect(await createClassStream(client, 'room-a', { sleep })).toEqual({ arn: first.arn, created: false });
    await client.send(new CreateStreamCommand({ StreamName: 'not-a-class', ShardCount: 1 }));
    await box.waitForActive('not-a-class');
    await expect(createClassStream(client, 'not-a-class', { sleep })).rejects.toBeInstanceOf(ClassStreamTakenError);
  });

  it('reads every learner\'s events in order across a shard split (parents before children)', async () => {
    const client = box.client();
    await createClassStream(client, 'room-b', { sleep });
    const learners = ['mina1234', 'joon1234', 'sara1234', 'hoon1234'];
    const put = (e: ClassEvent) => putClassEvent(client, { stream: 'room-b' }, e.learnerId, encodeClassEvent(e));
    for (const id of learners) await put(ev(id, 0, 'create-stream', 'joined'));

    const feed = new BoardFeed(createClassStreamReader(client, 'room-b', { relistMs: 0 }));
    const before = await feed.catchUp();
    expect(Object.keys(before.board.learners).sort()).toEqual([...learners].sort());

    // Split the one shard in two: its children hold the later events.
    await client.send(new SplitShardCommand({ StreamName: 'room-b', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (2n ** 127n).toString() }));
    await box.waitForActive('room-b');
    for (const id of learners) {
      await put(ev(id, 1, 'create-stream', 'passed'));
      await put(ev(id, 2, 'put-record', 'in-progress'));
    }
    const after = await feed.catchUp();
    expect(after.error).toBeUndefined();
    for (const id of learners) expect(after.board.learners[id]).toMatchObject({ step: 'put-record', status: 'in-progress', passed: ['create-stream'], lastSeq: 2 });
    expect(after.board.events).toBe(12);

    // A second board started later reads parents, then children, from the start.
    const late = await new BoardFeed(createClassStreamReader(client, 'room-b', { relistMs: 0 })).catchUp();
    expect(late.board).toEqual(after.board);
  });

  it('skips records that are not class events', async () => {
    const client = box.client();
    await createClassStream(client, 'room-c', { sleep });
    await putClassEvent(client, { stream: 'room-c' }, 'x', 'not json');
    await putClassEvent(client, { stream: 'room-c' }, 'mina1234', encodeClassEvent(ev('mina1234', 0, 'create-stream', 'joined')));
    const snapshot = await new BoardFeed(createClassStreamReader(client, 'room-c')).catchUp();
    expect(snapshot.skipped).toBe(1);
    expect(Object.keys(snapshot.board.learners)).toEqual(['mina1234']);
  });
});
