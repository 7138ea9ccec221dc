import type { StreamMetrics } from '../../../aws/stream-metrics-reader.js';
import { expectedVisibleAt, minuteOf, sentPerMinute } from '../../../checks/put-metrics-facts.js';
import type { MetricsDelay } from '../../../aws/stream-metrics-source.js';
import type { ProducerRun } from '../../../engine/session-ledger.js';

const MINUTE_MS = 60_000;
/** The chart shows at most this many minutes (the newest), and at most this many quiet ones after the last data. */
const MAX_CHART_MINUTES = 30;
const MAX_TRAILING_MINUTES = 5;

export type MinuteState = 'counted' | 'extra' | 'waiting' | 'counting' | 'short';

/** One minute of the comparison table: what this session sent and what CloudWatch counted. */
export interface MinuteRow {
  minute: number;
  sentPutRecord: number;
  sentPutRecords: number;
  countedPutRecord: number;
  countedPutRecords: number;
  /** PutRecords.FailedRecords + PutRecords.ThrottledRecords. */
  refused: number;
  state: MinuteState;
}

export interface MetricsPanelModel {
  /** Records per minute by API from the first to the newest minute with data; absent until CloudWatch has any put. */
  chart?: { first: number; last: number; putRecord: number[]; putRecords: number[] };
  /** Minutes where anything was sent or counted, oldest first. */
  rows: MinuteRow[];
  /** Set while this session sent records and CloudWatch shows none of them yet. */
  wait?: { firstAt: number; expectedAt: number; overdue: boolean };
  /** Neither this session nor CloudWatch knows of any put in the window. */
  nothingSent: boolean;
  /** A run crossed a minute boundary: its per-minute split in `rows` is an estimate. */
  estimated: boolean;
}

/** Turns a CloudWatch read and this session's runs into what the panel draws. Pure, so views stay thin. */
export function metricsPanelModel(metrics: StreamMetrics | undefined, runs: readonly ProducerRun[], now: number, delay: MetricsDelay): MetricsPanelModel {
  const perMinute = (name: keyof StreamMetrics['series']) => {
    const out = new Map<number, number>();
    const series = metrics?.series[name];
    series?.timestamps.forEach((t, i) => out.set(minuteOf(t.getTime()), (out.get(minuteOf(t.getTime())) ?? 0) + (series.values[i] ?? 0)));
    return out;
  };
  const putRecord = perMinute('PutRecord.Success');
  const putRecords = perMinute('PutRecords.SuccessfulRecords');
  const failed = perMinute('PutRecords.FailedRecords');
  const throttled = perMinute('PutRecords.ThrottledRecords');
  const sent = sentPerMinute(runs);

  const minutes = [...new Set([...sent.keys(), ...putRecord.keys(), ...putRecords.keys(), ...failed.keys()])].sort((a, b) => a - b);
  const rows: MinuteRow[] = minutes.map((minute) => {
    const s = sent.get(minute) ?? { putRecord: 0, putRecords: 0 };
    const row = {
      minute,
      sentPutRecord: s.putRecord,
      sentPutRecords: s.putRecords,
      countedPutRecord: putRecord.get(minute) ?? 0,
      countedPutRecords: putRecords.get(minute) ?? 0,
      refused: (failed.get(minute) ?? 0) + (throttled.get(minute) ?? 0),
    };
    return { ...row, state: stateOf(row, now, delay) };
  });

  const withData = [...putRecord.keys(), ...putRecords.keys()].filter((m) => (putRecord.get(m) ?? 0) + (putRecords.get(m) ?? 0) > 0);
  let chart: MetricsPanelModel['chart'];
  if (withData.length > 0) {
    // A minute of zeros on either side, up to the newest minute that could be visible by now, so a
    // short burst reads as a peak and a quiet minute as 0, not as a line that just stops.
    const newestVisible = minuteOf(now - MINUTE_MS - delay.afterMinuteMs);
    const last = Math.max(...withData, Math.min(newestVisible, Math.max(...withData) + MAX_TRAILING_MINUTES * MINUTE_MS));
    const first = Math.max(Math.min(...minutes) - MINUTE_MS, last - (MAX_CHART_MINUTES - 1) * MINUTE_MS);
    const span: number[] = [];
    for (let m = first; m <= last; m += MINUTE_MS) span.push(m);
    chart = { first, last, putRecord: span.map((m) => putRecord.get(m) ?? 0), putRecords: span.map((m) => putRecords.get(m) ?? 0) };
  }

  const firstAt = runs.length > 0 ? Math.min(...runs.map((r) => r.startedAt)) : undefined;
  let wait: MetricsPanelModel['wait'];
  if (firstAt !== undefined && !chart) {
    const expectedAt = expectedVisibleAt(firstAt, delay.afterMinuteMs);
    wait = { firstAt, expectedAt, overdue: now > minuteOf(firstAt) + MINUTE_MS + delay.giveUpAfterMs };
  }
  const estimated = runs.some((r) => minuteOf(r.startedAt) !== minuteOf(r.endedAt));
  return { ...(chart ? { chart } : {}), rows, ...(wait ? { wait } : {}), nothingSent: firstAt === undefined && rows.length === 0, estimated };
}

function stateOf(row: Omit<MinuteRow, 'state'>, now: number, delay: MetricsDelay): MinuteState {
  const sent = row.sentPutRecord + row.sentPutRecords;
  const counted = row.countedPutRecord + row.countedPutRecords;
  if (row.countedPutRecord >= row.sentPutRecord && row.countedPutRecords >= row.sentPutRecords) return sent === 0 && counted > 0 ? 'extra' : 'counted';
  if (now < row.minute + MINUTE_MS + delay.giveUpAfterMs) return counted === 0 ? 'waiting' : 'counting';
  return 'short';
}
