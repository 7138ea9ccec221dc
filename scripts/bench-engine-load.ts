/**
 * The load side of scripts/bench-engine: N simulated learners, each a closed PutRecord loop (the
 * workshop's producer: one call, wait for the answer, next call) over its own streams, on keep-alive
 * connections, with requests shaped like SDK v3's (JSON 1.1, SigV4 Authorization header, the SDK's
 * headers, a taxi-trip record as Data). Run as a child with an IPC channel; the orchestrator sends
 * `mark` (returns calls so far and the time), and `stop` (returns the latencies between two marks).
 *
 *   node .bench/bench-engine-load.mjs --endpoint http://127.0.0.1:PORT --learners 30 --streams-per-learner 5
 *     [--region us-east-1] [--keys shared|per-learner] [--shards 1]
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    learners: { type: 'string', default: '30' },
    'streams-per-learner': { type: 'string', default: '5' },
    region: { type: 'string', default: 'us-east-1' },
    keys: { type: 'string', default: 'shared' },
    shards: { type: 'string', default: '1' },
  },
});
if (!values.endpoint) throw new Error('--endpoint is required');
const endpoint = new URL(values.endpoint);
const learners = Number(values.learners);
const streamsPerLearner = Number(values['streams-per-learner']);
const region = values.region;
const shards = Number(values.shards);
const agent = new http.Agent({ keepAlive: true, maxSockets: learners + 4 });
const DEFAULT_KEY = 'AKIAKINESISLAB000000';

/** 20-character access key ids, one per learner when each learner is an account of its own. */
function keyFor(learner: number): string {
  return values.keys === 'per-learner' ? `AKIABENCH${String(learner).padStart(11, '0')}` : DEFAULT_KEY;
}

function headers(operation: string, key: string, length: number): http.OutgoingHttpHeaders {
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  return {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': length,
    'x-amz-target': `Kinesis_20131202.${operation}`,
    'x-amz-user-agent': 'aws-sdk-js/3.1143.0',
    'user-agent': 'aws-sdk-js/3.1143.0 ua/2.1 os/linux#6 lang/js md/nodejs#20 api/kinesis#3.1143.0',
    'amz-sdk-invocation-id': randomUUID(),
    'amz-sdk-request': 'attempt=1; max=3',
    'x-amz-date': date,
    authorization: `AWS4-HMAC-SHA256 Credential=${key}/${date.slice(0, 8)}/${region}/kinesis/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-target;x-amz-user-agent, Signature=${'0'.repeat(64)}`,
  };
}

function call(operation: string, key: string, input: unknown): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: endpoint.hostname, port: endpoint.port, method: 'POST', path: '/', agent, headers: headers(operation, key, Buffer.byteLength(body)) },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
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

/** A taxi-trip record like the lab's producer sends (about 230 bytes of JSON). */
function taxiTrip(n: number): string {
  return Buffer.from(JSON.stringify({
    id: `id${n}`, vendorId: 1 + (n % 2), pickupDate: new Date().toISOString(), dropoffDate: new Date().toISOString(),
    passengerCount: 1 + (n % 4), pickupLongitude: -73.98 + (n % 100) / 1e4, pickupLatitude: 40.75, dropoffLongitude: -73.96,
    dropoffLatitude: 40.77, storeAndFwdFlag: 'N', gcDistance: 2.3, tripDuration: 600 + (n % 300), googleDistance: 2.5, googleDuration: 640,
  })).toString('base64');
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
const loops = Array.from({ length: learners }, (_, learner) => learnerLoop(learner));
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
      const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
      process.send?.({ type: 'stopped', p50: at(0.5), p99: at(0.99), samples: sorted.length, errors }, () => process.exit(0));
    });
  }
});
