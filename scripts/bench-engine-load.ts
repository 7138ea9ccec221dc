/**
 * The load side of scripts/bench-engine: N simulated learners, each a closed PutRecord loop (the
 * workshop's producer: one call, wait for the answer, next call) over its own streams, on keep-alive
 * connections, with requests shaped like SDK v3's (JSON 1.1, SigV4 Authorization header, the SDK's
 * headers, a taxi-trip record as Data). Run as a child with an IPC channel; the orchestrator sends
 * `mark` (returns calls so far and the time), and `stop` (returns the latencies between two marks).
 *
 *   node .bench/bench-engine-load.mjs --endpoint http://127.0.0.1:PORT --learners 30 --streams-per-learner 5
 *     [--region us-east-1] [--keys shared|per-learner] [--shards 1] [--room]
 *
 * --room adds the rest of a class around the loops (scripts/bench-room-mix.ts: class stream and board,
 * a pipe and a PutRecords producer per learner); it needs --keys per-learner, as a room has an account
 * per learner. The measured figures stay the PutRecord loops'; the mix's counts come with `stopped`.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEFAULT_KEY, kinesisCaller, loopbackEndpoint, quantile, taxiTrip } from './bench-sdk-wire.js';
import { roomTraffic, setUpRoom, type RoomCounts, type RoomMix } from './bench-room-mix.js';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    learners: { type: 'string', default: '30' },
    'streams-per-learner': { type: 'string', default: '5' },
    region: { type: 'string', default: 'us-east-1' },
    keys: { type: 'string', default: 'shared' },
    shards: { type: 'string', default: '1' },
    room: { type: 'boolean', default: false },
  },
});
const endpoint = loopbackEndpoint(values.endpoint);
const learners = Number(values.learners);
const streamsPerLearner = Number(values['streams-per-learner']);
const shards = Number(values.shards);
if (values.room && values.keys !== 'per-learner') throw new Error('--room needs --keys per-learner: a room has an account per learner');
// A socket per loop: each learner's PutRecord loop, and with --room their mix loop and the board.
const call = kinesisCaller(endpoint, values.region, (values.room ? 2 * learners + 1 : learners) + 4);

/** 20-character access key ids, one per learner when each learner is an account of its own. */
function keyFor(learner: number): string {
  return values.keys === 'per-learner' ? `AKIABENCH${String(learner).padStart(11, '0')}` : DEFAULT_KEY;
}

async function createStreams(): Promise<void> {
  const waiting: Promise<void>[] = [];
  for (let learner = 0; learner < learners; learner++) {
    for (let s = 0; s < streamsPerLearner; s++) {
      const name = `learner-${learner}-stream-${s}`;
      waiting.push((async () => {
        const created = await call('CreateStream', keyFor(learner), { StreamName: name, ShardCount: shards });
        if (created.status !== 200) throw new Error(`CreateStream ${name}: ${created.status} ${created.body}`);
        for (let attempt = 0; attempt < 500; attempt++) {
          const described = await call('DescribeStreamSummary', keyFor(learner), { StreamName: name });
          if (described.status === 200 && described.body.includes('"ACTIVE"')) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`${name} did not become ACTIVE`);
      })());
    }
  }
  await Promise.all(waiting);
}

let calls = 0;
let errors = 0;
let running = true;
let window: { from: number; to: number } | undefined;
const latencies: number[] = [];

async function learnerLoop(learner: number): Promise<void> {
  const key = keyFor(learner);
  let n = 0;
  while (running) {
    const stream = `learner-${learner}-stream-${n % streamsPerLearner}`;
    const started = performance.now();
    const result = await call('PutRecord', key, { StreamName: stream, Data: taxiTrip(n), PartitionKey: randomUUID() });
    const ended = performance.now();
    if (result.status !== 200) errors += 1;
    else calls += 1;
    if (window && started >= window.from && window.to === 0) latencies.push(ended - started);
    n += 1;
  }
}

await createStreams();
const room: RoomMix | undefined = values.room
  ? { endpoint, region: values.region, learners, call, keyFor, sourceOf: (learner) => `learner-${learner}-stream-0` }
  : undefined;
const roomCounts: RoomCounts = { putRecordsRecords: 0, classEvents: 0, boardReads: 0, errors: 0 };
if (room) await setUpRoom(room);
const loops = Array.from({ length: learners }, (_, learner) => learnerLoop(learner));
if (room) loops.push(roomTraffic(room, () => running, roomCounts));
process.send?.({ type: 'warming' });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'mark') {
    const now = performance.now();
    if (!window) window = { from: now, to: 0 };
    else if (window.to === 0) window.to = now;
    process.send?.({ type: 'mark', calls, errors, at: now });
  } else if (message.type === 'stop') {
    running = false;
    void Promise.allSettled(loops).then(() => {
      const sorted = [...latencies].sort((a, b) => a - b);
      process.send?.({ type: 'stopped', p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), samples: sorted.length, errors, ...(room ? { room: roomCounts } : {}) }, () => process.exit(0));
    });
  }
});
