import { useEffect, useState } from 'react';
import type { StreamRecord } from '../../../aws/kinesis-port.js';
import type { LogEvent } from '../../../aws/log-group-adapter.js';
import type { PipeDescription } from '../../../aws/pipes-adapter.js';
import type { LabContext } from '../../../checks/check-context.js';

/** What the pipe panel shows live: the learner's own records, the pipe, and what reached the target. */
export interface PipeLive {
  /** Up to 100 records from the source stream, oldest first (the filter is tried on these). */
  samples: StreamRecord[];
  sourceArn?: string;
  pipe?: PipeDescription;
  /** What reached the target (each a pipe event): the target stream's records, or the log group's events as records. */
  arrived: StreamRecord[];
  /** The last read failure, shown dimmed; the panel keeps its last good data. */
  error?: string;
  loaded: boolean;
}

export interface PipeLiveOptions {
  services: LabContext;
  stream: string;
  pipeName: string;
  targetStream: string;
  /** Set when the target is a CloudWatch Logs log group instead of the stream. */
  targetLogGroup?: string;
  /** Changes when the step's action or check ran, to re-read at once. */
  refreshKey: string;
}

/** Polls DescribePipe (1 s on the sandbox, 5 s on AWS), the source's samples and the target's records. */
export function usePipeLive({ services, stream, pipeName, targetStream, targetLogGroup, refreshKey }: PipeLiveOptions): PipeLive {
  const [live, setLive] = useState<PipeLive>({ samples: [], arrived: [], loaded: false });
  useEffect(() => {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const intervalMs = services.sandbox ? 1_000 : 5_000;
    let round = 0;
    const tick = async () => {
      const next: Partial<PipeLive> = {};
      try {
        // Samples change only when the learner sends; every 10th look is enough.
        if (round % 10 === 0) {
          const summary = await services.kinesis.describeStreamSummary(stream);
          next.sourceArn = summary.arn;
          next.samples = await services.kinesis.readStream(stream, { limit: 100 });
        }
        const pipe = await services.pipes?.describePipe(pipeName);
        next.pipe = pipe;
        if (pipe?.currentState === 'RUNNING') {
          next.arrived = targetLogGroup && services.logs ? (await services.logs.readEvents(targetLogGroup, { limit: 5_000 })).map(logEventAsRecord) : await services.kinesis.readStream(targetStream, { limit: 5_000 });
        }
        next.error = undefined;
      } catch (error) {
        next.error = error instanceof Error ? error.message : String(error);
      }
      round++;
      if (stopped) return;
      setLive((old) => ({ ...old, ...next, loaded: true }));
      timer = setTimeout(() => void tick(), intervalMs);
    };
    // tick() catches its own failures (they become `error`); it runs on its own, not awaited.
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [services, stream, pipeName, targetStream, targetLogGroup, refreshKey]);
  return live;
}

/** A log event in the shape the panel reads arrivals from: its message is the pipe event. */
function logEventAsRecord(event: LogEvent): StreamRecord {
  return { shardId: event.logStreamName, sequenceNumber: String(event.timestamp), partitionKey: '', data: Buffer.from(event.message, 'utf8'), approximateArrivalTimestamp: new Date(event.timestamp) };
}
