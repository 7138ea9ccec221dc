import { useMemo, useState } from 'react';
import { STREAM_METRICS } from '../../aws/stream-metrics-reader.js';
import { countFrom, sessionPuts } from '../../checks/put-metrics-facts.js';
import { useLabServices } from '../lab-services.js';
import { useTicker } from '../use-ticker.js';
import { metricsPanelModel } from './metrics/metrics-panel-model.js';
import { metricsPanelText } from './metrics/metrics-panel-text.js';
import { MetricsView } from './metrics/MetricsView.js';
import { useStreamMetrics } from './metrics/use-stream-metrics.js';
import type { PanelProps } from './panel-props.js';

/** Runs older than this are not this sitting's; with none, the chart shows this far back. */
const LOOKBACK_MINUTES = 180;
const EMPTY_LOOKBACK_MINUTES = 30;
/** AWS: the "~30 s" a learner waits between looks; the local sandbox answers for free, so more often. */
const AWS_INTERVAL_MS = 30_000;
const SANDBOX_INTERVAL_MS = 10_000;

/** Step 4: the stream's Put record metrics as CloudWatch reports them, beside what this session sent. */
export function MetricsPanel({ view, info, lang, width, height, now: frameNow }: PanelProps) {
  const services = useLabServices();
  // The wait panel counts seconds; the lab screen itself only redraws on events.
  useTicker(true, 1_000);
  const now = Math.max(frameNow, services.clock());
  const source = services.cloudwatch;
  // Only records sent to the stream as it is now (a check or action saw it); not to an older one of that name.
  const where = view.stream ?? { stream: info.stream, region: info.region };
  const puts = sessionPuts(view.ledger, where, countFrom(now, LOOKBACK_MINUTES * 60_000, where.createdAt));
  // Fixed per mount (and per first run), so the hook does not restart on every frame.
  const [mountedAt] = useState(now);
  const start = puts.firstAt ?? mountedAt - EMPTY_LOOKBACK_MINUTES * 60_000;
  const intervalMs = source.delay.target === 'aws' ? AWS_INTERVAL_MS : SANDBOX_INTERVAL_MS;
  const poll = useStreamMetrics({ source, stream: info.stream, start, intervalMs, clock: services.clock, refreshKey: `${puts.runs.length}:${puts.lastAt ?? 0}` });
  const model = useMemo(() => metricsPanelModel(poll.metrics, puts.runs, now, source.delay), [poll.metrics, puts.runs, now, source.delay]);
  return (
    <MetricsView
      model={model}
      poll={poll}
      delay={source.delay}
      stream={info.stream}
      region={info.region}
      metricCount={STREAM_METRICS.length}
      intervalMs={intervalMs}
      lookbackMinutes={EMPTY_LOOKBACK_MINUTES}
      now={now}
      width={width}
      height={height}
      t={metricsPanelText(lang)}
    />
  );
}
