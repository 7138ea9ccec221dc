import type { CatalogEntry, DiagnoseInput } from './catalog-entry.js';
import type { Localized } from '../i18n/lang.js';
import { similarNames } from './similar-names.js';
import { onSurface } from '../i18n/surface.js';
import { labCommand } from './diagnosis.js';

/** What the metrics check knew when CloudWatch returned no data points. */
export interface EmptyMetricsFacts {
  /** The metric asked for, e.g. `PutRecord.Success`. */
  metricName: string;
  /** The `StreamName` dimension value the query used. */
  streamName: string;
  /** Milliseconds since the lab last saw a successful put to this stream; absent when it saw none. */
  msSinceLastPut?: number;
  /** `StreamName` values ListMetrics returned for this metric in the region, when the check looked. */
  streamsWithMetric?: string[];
}

/**
 * CloudWatch answered, but with no data points. Not an API error, so the metrics check passes
 * this to `diagnose`; the catalog tells a normal delay from a wrong dimension or missing data.
 */
export class EmptyMetricsFailure extends Error {
  override readonly name = 'EmptyMetricsFailure';
  constructor(readonly facts: EmptyMetricsFacts) {
    super(`No ${facts.metricName} data points for StreamName=${facts.streamName}`);
  }
}

/**
 * Up to this long after a put, an empty answer is the normal publishing delay: stream metrics are
 * sent every minute and a new metric may take several minutes to appear (the workshop says 5–7).
 */
export const METRICS_DELAY_MS = 10 * 60_000;
const METRICS_RETRY_MS = 60_000;

function factsOf(input: DiagnoseInput): EmptyMetricsFacts | undefined {
  return input.raw instanceof EmptyMetricsFailure ? input.raw.facts : undefined;
}

function emptyWhat(facts: EmptyMetricsFacts): Localized {
  return {
    en: `CloudWatch has no ${facts.metricName} data for stream "${facts.streamName}" yet.`,
    ko: `CloudWatch에 "${facts.streamName}" 스트림의 ${facts.metricName} 데이터가 아직 없습니다.`,
  };
}

/** ListMetrics knows the metric under other StreamName values, not this one. */
const wrongDimension: CatalogEntry = {
  kind: 'metrics-wrong-dimension',
  matches: (input) => {
    const facts = factsOf(input);
    const others = facts?.streamsWithMetric ?? [];
    return facts !== undefined && others.length > 0 && !others.includes(facts.streamName);
  },
  diagnose: (input) => {
    const facts = factsOf(input)!;
    const others = facts.streamsWithMetric ?? [];
    const [similar] = similarNames(facts.streamName, others);
    const listed = others.map((name) => `"${name}"`).join(', ');
    return {
      kind: 'metrics-wrong-dimension',
      what: emptyWhat(facts),
      why: {
        en: `CloudWatch has ${facts.metricName} for other streams in this region (${listed}) but not for "${facts.streamName}": the records went to a different stream than the one the graph is for.`,
        ko: `이 리전의 CloudWatch에는 다른 스트림(${listed})의 ${facts.metricName} 데이터는 있지만 "${facts.streamName}" 스트림의 데이터는 없습니다. 레코드를 그래프와 다른 스트림에 보낸 것입니다.`,
      },
      fix: similar
        ? onSurface(input.ctx.surface, {
            tui: {
              en: `Look at "${similar}" instead (press the key below), or send records to "${facts.streamName}".`,
              ko: `"${similar}" 스트림을 보거나(아래 키), "${facts.streamName}" 스트림으로 레코드를 보내세요.`,
            },
            cli: {
              en: `Look at "${similar}" instead (${labCommand(input.ctx, 'check metrics', { stream: similar })}), or send records to "${facts.streamName}".`,
              ko: `"${similar}" 스트림을 보거나(${labCommand(input.ctx, 'check metrics', { stream: similar })}), "${facts.streamName}" 스트림으로 레코드를 보내세요.`,
            },
          })
        : {
            en: `Send records to "${facts.streamName}" (step 2), or pick the stream you wrote to with --stream NAME.`,
            ko: `"${facts.streamName}" 스트림으로 레코드를 보내거나(2단계), 레코드를 보낸 스트림을 --stream 이름으로 고르세요.`,
          },
      ...(similar ? { autoFix: { type: 'switch-stream' as const, stream: similar } } : {}),
    };
  },
};

/** No put seen at all: there is nothing to measure. */
const noPuts: CatalogEntry = {
  kind: 'metrics-no-puts',
  matches: (input) => {
    const facts = factsOf(input);
    return facts !== undefined && facts.msSinceLastPut === undefined;
  },
  diagnose: (input) => {
    const facts = factsOf(input)!;
    return {
      kind: 'metrics-no-puts',
      what: emptyWhat(facts),
      why: {
        en: `The lab has not seen any records sent to "${facts.streamName}" in this session, and CloudWatch only has put metrics after puts.`,
        ko: `이번 세션에서 "${facts.streamName}" 스트림으로 보낸 레코드가 없었고, put 지표는 레코드를 보낸 뒤에만 생깁니다.`,
      },
      fix: {
        en: `Send records first (step 2 or 3, or ${labCommand(input.ctx, 'produce')}), wait a few minutes, then check again.`,
        ko: `먼저 레코드를 보내고(2·3단계 또는 ${labCommand(input.ctx, 'produce')}), 몇 분 기다린 뒤 다시 확인하세요.`,
      },
    };
  },
};

/** Records were sent minutes ago: CloudWatch has not published them yet. */
const metricsDelay: CatalogEntry = {
  kind: 'metrics-delay',
  matches: (input) => {
    const facts = factsOf(input);
    return facts?.msSinceLastPut !== undefined && facts.msSinceLastPut <= METRICS_DELAY_MS;
  },
  diagnose: (input) => {
    const facts = factsOf(input)!;
    const minutes = Math.max(1, Math.round((facts.msSinceLastPut ?? 0) / 60_000));
    return {
      kind: 'metrics-delay',
      what: emptyWhat(facts),
      why: {
        en: `Records were sent about ${minutes} minute${minutes === 1 ? '' : 's'} ago. Kinesis sends stream metrics every minute, and new data often takes a few minutes to show (the workshop says 5–7 for the console graphs). This is normal.`,
        ko: `레코드를 보낸 지 약 ${minutes}분 되었습니다. Kinesis는 스트림 지표를 1분마다 보내지만, 새 데이터가 보이기까지 몇 분 걸리는 경우가 많습니다(워크숍 기준 콘솔 그래프는 5~7분). 정상입니다.`,
      },
      fix: onSurface(input.ctx.surface, {
        tui: { en: 'Wait and check again (press the key below; the lab looks once a minute).', ko: '기다렸다가 다시 확인하세요(아래 키를 누르면 1분마다 확인합니다).' },
        cli: { en: 'Wait a minute or two and run the same command again.', ko: '1~2분 기다린 뒤 같은 명령을 다시 실행하세요.' },
      }),
      autoFix: { type: 'wait-and-retry', delayMs: METRICS_RETRY_MS },
    };
  },
};

/** Puts were a while ago and still nothing: the query itself is off. */
const metricsEmpty: CatalogEntry = {
  kind: 'metrics-empty',
  matches: (input) => factsOf(input) !== undefined,
  diagnose: (input) => {
    const facts = factsOf(input)!;
    const minutes = Math.round((facts.msSinceLastPut ?? 0) / 60_000);
    return {
      kind: 'metrics-empty',
      what: emptyWhat(facts),
      why: {
        en: `Records were sent ${minutes} minutes ago, longer than the usual delay. The query probably looks in the wrong place: another region, a time range that does not cover the puts, or a metric the producer does not emit (PutRecord.* for PutRecord, PutRecords.* for PutRecords).`,
        ko: `레코드를 보낸 지 ${minutes}분이 지나 보통의 지연보다 깁니다. 조회 조건이 어긋났을 가능성이 큽니다. 다른 리전, 전송 시각을 포함하지 않는 기간, 또는 프로듀서가 만들지 않는 지표(PutRecord는 PutRecord.*, PutRecords는 PutRecords.*)일 수 있습니다.`,
      },
      fix: {
        en: `Check the region and time range, and list what CloudWatch has: aws cloudwatch list-metrics --namespace AWS/Kinesis --dimensions Name=StreamName,Value=${facts.streamName}`,
        ko: `리전과 기간을 확인하고, CloudWatch에 있는 지표를 나열해 보세요: aws cloudwatch list-metrics --namespace AWS/Kinesis --dimensions Name=StreamName,Value=${facts.streamName}`,
      },
    };
  },
};

export const METRICS_EMPTY_ENTRIES: readonly CatalogEntry[] = [wrongDimension, noPuts, metricsDelay, metricsEmpty];
