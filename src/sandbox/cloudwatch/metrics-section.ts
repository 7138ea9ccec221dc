/**
 * CloudWatch's datapoints as a durable section (../durable/durable-section.ts). A change is the
 * samples of one Kinesis call (MetricSamples, with the call's own time); a snapshot is one chunk per
 * metric with its minute aggregates:
 *
 *   {"a":"000000000000","r":"us-east-1","s":"input-stream","m":"PutRecord.Success","p":[[1764400020000,12,1,1,12],…]}
 *
 * (`p`: minute start, sum, min, max, sample count). Visibility is computed from the minute, so a
 * datapoint shows after a restart exactly when it would have shown without one.
 */
import type { DurableSection } from '../durable/durable-section.js';
import type { KinesisMetricName, KinesisMetricRecorder, MetricSamples } from './kinesis-metric-recorder.js';

interface MetricChunk {
  a: string;
  r: string;
  s: string;
  m: KinesisMetricName;
  p: [minute: number, sum: number, min: number, max: number, sampleCount: number][];
}

/**
 * The minute sums are tiny next to the calls that make them (one line per call), so the journal is
 * folded into a snapshot early: a restart then replays at most this much.
 */
const JOURNAL_LIMIT_BYTES = 4 * 1024 * 1024;

export function metricsSection(recorder: KinesisMetricRecorder): DurableSection<MetricSamples> {
  return {
    name: 'cloudwatch',
    formatVersion: 1,
    journalLimitBytes: JOURNAL_LIMIT_BYTES,
    apply: (samples) => recorder.apply(samples),
    *snapshot() {
      for (const metric of [...recorder.all()]) {
        yield {
          a: metric.account,
          r: metric.region,
          s: metric.streamName,
          m: metric.metricName,
          p: [...metric.minutes].map(([minute, x]) => [minute, x.sum, x.min, x.max, x.sampleCount]),
        } satisfies MetricChunk;
      }
    },
    restore(value) {
      const chunk = value as MetricChunk;
      if (typeof chunk.a !== 'string' || typeof chunk.m !== 'string' || !Array.isArray(chunk.p)) throw new Error(`not a metric chunk: ${JSON.stringify(chunk).slice(0, 80)}`);
      recorder.restore({
        account: chunk.a,
        region: chunk.r,
        streamName: chunk.s,
        metricName: chunk.m,
        minutes: new Map(chunk.p.map(([minute, sum, min, max, sampleCount]) => [minute, { sum, min, max, sampleCount }])),
      });
    },
    reset: () => recorder.clear(),
  };
}
