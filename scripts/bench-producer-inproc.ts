/**
 * Stand-in for `kinesis-lab sandbox` and `kinesis-lab produce`, with the same flags, for
 * scripts/bench-producer when the built CLI is not there (or with --inproc). It runs the very same
 * runProducer, SDK client and adapter, so the figures are the producer's own; it only skips the
 * CLI's progress file and error diagnosis. Adds `--concurrency` to measure the PutRecords default, and
 * `--heap-marks 10000,100000` (run node with --expose-gc): at each mark of acknowledged records it
 * collects garbage and prints `{"heapMark":N,"heapUsedBytes":B}` on stderr, the memory the run still holds.
 *
 *   node .bench/bench-producer-inproc.mjs sandbox --port 4567
 *   node .bench/bench-producer-inproc.mjs produce --api put-records --count 100000 \
 *     --endpoint-url http://127.0.0.1:4567 --region us-east-1 --stream bench --json
 */
import { parseArgs } from 'node:util';
import { createKinesisAdapter } from '../src/aws/kinesis-adapter.js';
import { createKinesisClient } from '../src/aws/kinesis-client.js';
import { formatSummaryLine } from '../src/producer/format-summary.js';
import type { ProducerEvent } from '../src/shared/producer-types.js';
import { runProducer } from '../src/producer/run-producer.js';
import { createSandbox } from '../src/sandbox/create-sandbox.js';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/sandbox-types.js';

const [mode, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    port: { type: 'string' },
    api: { type: 'string' },
    count: { type: 'string' },
    duration: { type: 'string' },
    rate: { type: 'string' },
    'batch-size': { type: 'string' },
    concurrency: { type: 'string' },
    'endpoint-url': { type: 'string' },
    region: { type: 'string' },
    stream: { type: 'string' },
    json: { type: 'boolean' },
    'heap-marks': { type: 'string' },
  },
});

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

if (mode === 'sandbox') {
  const sandbox = await createSandbox({ port: Number(values.port ?? 0) });
  console.log(sandbox.url);
  await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
  await sandbox.stop();
} else if (mode === 'produce') {
  const api = values.api;
  if (api !== 'put-record' && api !== 'put-records') throw new Error('--api must be put-record or put-records');
  const stream = values.stream ?? 'input-stream';
  // Like the CLI's producer client: one SDK attempt, so the producer's own policy sees every throttle.
  const client = createKinesisClient(
    {
      region: values.region ?? 'us-east-1',
      ...(values['endpoint-url'] ? { endpoint: values['endpoint-url'], credentials: { ...SANDBOX_CREDENTIALS } } : {}),
    },
    { maxAttempts: 1 },
  );
  const port = createKinesisAdapter(client);
  const { maxRecordBytes } = await port.describeStreamSummary(stream);
  const durationMs = values.duration === undefined ? undefined : parseDuration(values.duration);
  const result = await runProducer({
    port,
    stream,
    api,
    count: values.count === undefined ? (durationMs === undefined ? 100 : undefined) : Number(values.count),
    durationMs,
    rate: values.rate === undefined ? undefined : Number(values.rate),
    batchSize: values['batch-size'] === undefined ? undefined : Number(values['batch-size']),
    concurrency: values.concurrency === undefined ? undefined : Number(values.concurrency),
    maxRecordBytes,
    signal: stop.signal,
    ...(values['heap-marks'] ? { onEvent: heapReporter(values['heap-marks']) } : {}),
  });
  client.destroy();
  const { error, ...summary } = result;
  console.log(values.json ? JSON.stringify(summary) : formatSummaryLine(summary, 'en'));
  if (error !== undefined) {
    console.error(error);
    process.exitCode = 1;
  }
} else {
  console.error('usage: bench-producer-inproc sandbox --port N | produce --api put-record|put-records …');
  process.exitCode = 2;
}

/** Reports the live heap after a full collection each time the acknowledged count passes a mark. */
function heapReporter(marksText: string): (event: ProducerEvent) => void {
  const marks = marksText.split(',').map(Number).sort((a, b) => a - b);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--heap-marks needs node --expose-gc');
  let acknowledged = 0;
  return (event) => {
    if (event.type !== 'batch-sent') return;
    acknowledged += event.records - event.failed;
    while (marks.length > 0 && acknowledged >= marks[0]!) {
      const mark = marks.shift()!;
      gc();
      console.error(JSON.stringify({ heapMark: mark, heapUsedBytes: process.memoryUsage().heapUsed }));
    }
  };
}

function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  if (!match) throw new Error(`--duration: not a duration: ${text}`);
  const unit = match[2] ?? 's';
  return Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
}
