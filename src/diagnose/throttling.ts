import type { Localized } from '../i18n/lang.js';
import { named, type CatalogEntry } from './catalog-entry.js';
import { joinLocalized } from './diagnosis-phrases.js';
import type { Diagnosis, DiagnosisContext } from './diagnosis.js';
import { streamFromMessage } from './resource-not-found.js';
import { onSurface } from '../i18n/surface.js';

/** A shard's write budget refills every second; a one-second pause lets the next attempt fit. */
const SHARD_RETRY_MS = 1000;
/** Control-plane limits are a handful of calls per second per account. */
const API_RETRY_MS = 2000;

/** Per-shard write limits and the ways around them, shared by the thrown error and PutRecords entries. */
function shardLimitsWhy(): Localized {
  return {
    en: 'Each shard accepts at most 1,000 records/s and 1 MiB/s of writes; more is throttled (CloudWatch counts it as WriteProvisionedThroughputExceeded). A partition key that sends everything to one shard hits this even when the stream has several shards.',
    ko: '샤드 하나는 초당 최대 1,000개 레코드, 1MiB까지만 쓸 수 있고, 넘치면 스로틀링됩니다(CloudWatch의 WriteProvisionedThroughputExceeded). 파티션 키가 모두 같으면 샤드가 여러 개여도 한 샤드로만 몰려 이 한도에 걸립니다.',
  };
}

function shardLimitsFix(stream: string, ctx: DiagnosisContext): Localized {
  return {
    en: `Retry after a short pause with backoff (the lab's producers do this). To write faster: lower --rate; use varied partition keys (a trip ID rather than one constant); add shards (aws kinesis update-shard-count --stream-name ${stream} --target-shard-count 2 --scaling-type UNIFORM_SCALING --region ${ctx.region}); or switch the stream to on-demand mode (aws kinesis update-stream-mode --stream-arn ARN --stream-mode-details StreamMode=ON_DEMAND).`,
    ko: `잠시 쉬었다가 간격을 늘려 가며 다시 보내세요(실습 프로듀서는 자동으로 이렇게 합니다). 더 빨리 쓰려면: --rate를 낮추거나, 파티션 키를 다양하게 쓰거나(상수 하나 대신 운행 ID), 샤드를 늘리거나(aws kinesis update-shard-count --stream-name ${stream} --target-shard-count 2 --scaling-type UNIFORM_SCALING --region ${ctx.region}), 스트림을 온디맨드 모드로 바꾸세요(aws kinesis update-stream-mode --stream-arn ARN --stream-mode-details StreamMode=ON_DEMAND).`,
  };
}

/** "Rate exceeded for shard shardId-000000000000 in stream X under account N." */
const throughputExceeded: CatalogEntry = {
  kind: 'throughput-exceeded',
  matches: (input) => named(input, 'ProvisionedThroughputExceededException'),
  diagnose: ({ error, ctx }) => {
    const stream = /in stream ([a-zA-Z0-9_.-]+)/.exec(error.message)?.[1] ?? streamFromMessage(error.message) ?? ctx.stream;
    const shard = /for shard (shardId-\d+)/.exec(error.message)?.[1];
    return {
      kind: 'throughput-exceeded',
      what: shard
        ? { en: `Shard ${shard} of stream "${stream}" is getting more writes per second than it accepts.`, ko: `"${stream}" 스트림의 샤드 ${shard}에 초당 한도보다 많은 쓰기가 들어오고 있습니다.` }
        : { en: `Stream "${stream}" is getting more writes per second than its shards accept.`, ko: `"${stream}" 스트림에 샤드 한도보다 많은 쓰기가 들어오고 있습니다.` },
      why: shardLimitsWhy(),
      fix: shardLimitsFix(stream, ctx),
      autoFix: { type: 'wait-and-retry', delayMs: SHARD_RETRY_MS },
    };
  },
};

/** ThrottlingException, LimitExceeded-style "Rate exceeded" on control-plane calls, HTTP 429. */
const requestThrottled: CatalogEntry = {
  kind: 'request-throttled',
  matches: (input) =>
    named(input, 'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ThrottledException') || input.error.status === 429,
  diagnose: ({ error, ctx }) => ({
    kind: 'request-throttled',
    what: { en: `AWS is throttling ${ctx.operation ?? 'the'} calls: too many per second.`, ko: `AWS가 ${ctx.operation ?? 'API'} 호출을 제한하고 있습니다. 초당 호출이 너무 많습니다.` },
    why: {
      en: `Management calls have small per-account limits (for example CreateStream 5 per second, DescribeStreamSummary 20 per second), shared by every script and console tab using the account. AWS said: ${error.message}`,
      ko: `관리용 API는 계정별 초당 한도가 작고(예: CreateStream 초당 5회, DescribeStreamSummary 초당 20회), 같은 계정을 쓰는 모든 스크립트와 콘솔 탭이 이 한도를 나눠 씁니다. AWS 메시지: ${error.message}`,
    },
    fix: onSurface(ctx.surface, {
      tui: {
        en: 'Wait a moment and retry (press the key below). If your own script polls in a loop, add a pause of a second or more.',
        ko: '잠시 기다렸다가 다시 시도하세요(아래 키). 직접 작성한 스크립트가 반복해서 조회한다면 1초 이상 쉬도록 하세요.',
      },
      cli: {
        en: 'Wait a moment and run the same command again. If your own script polls in a loop, add a pause of a second or more.',
        ko: '잠시 기다린 뒤 같은 명령을 다시 실행하세요. 직접 작성한 스크립트가 반복해서 조회한다면 1초 이상 쉬도록 하세요.',
      },
    }),
    autoFix: { type: 'wait-and-retry', delayMs: API_RETRY_MS },
  }),
};

/** Per-entry error codes PutRecords returns with HTTP 200 (`ErrorCode` of each failed entry). */
const THROTTLED_CODE = 'ProvisionedThroughputExceededException';
const INTERNAL_CODE = 'InternalFailure';

/**
 * Explains a PutRecords call that succeeded as a whole but failed some entries.
 * `errorCodes` counts the failed entries by `ErrorCode`, e.g. `{ ProvisionedThroughputExceededException: 37 }`.
 * Kinds: `records-throttled`, `records-internal-failure`, `records-failed`.
 */
export function diagnoseThrottledEntries(errorCodes: Readonly<Record<string, number>>, ctx: DiagnosisContext): Diagnosis {
  const total = Object.values(errorCodes).reduce((sum, n) => sum + n, 0);
  const throttled = errorCodes[THROTTLED_CODE] ?? 0;
  const internal = errorCodes[INTERNAL_CODE] ?? 0;
  const others = Object.entries(errorCodes).filter(([code, n]) => code !== THROTTLED_CODE && code !== INTERNAL_CODE && n > 0);
  const counts = Object.entries(errorCodes)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${code} × ${n}`)
    .join(', ');
  const what: Localized = {
    en: `${total} record${total === 1 ? '' : 's'} of a PutRecords call to "${ctx.stream}" failed (${counts}), though the call itself returned HTTP 200.`,
    ko: `"${ctx.stream}" 스트림에 보낸 PutRecords 호출은 HTTP 200으로 끝났지만 그중 레코드 ${total}개가 실패했습니다(${counts}).`,
  };
  const resend: Localized = {
    en: 'Send again only the entries that carry an ErrorCode (same order as the request), with a growing pause between attempts.',
    ko: 'ErrorCode가 있는 항목만(요청과 같은 순서) 간격을 늘려 가며 다시 보내세요.',
  };
  if (throttled > 0) {
    return {
      kind: 'records-throttled',
      what,
      why: joinLocalized(
        {
          en: `${throttled} were throttled: the batch went over a shard's write limit.`,
          ko: `그중 ${throttled}개는 스로틀링되었습니다. 배치가 샤드의 쓰기 한도를 넘었습니다.`,
        },
        shardLimitsWhy(),
      ),
      fix: joinLocalized(resend, shardLimitsFix(ctx.stream, ctx)),
      autoFix: { type: 'wait-and-retry', delayMs: SHARD_RETRY_MS },
    };
  }
  if (internal > 0 && others.length === 0) {
    return {
      kind: 'records-internal-failure',
      what,
      why: {
        en: 'InternalFailure means Kinesis had a passing problem with those entries; nothing is wrong with the records themselves.',
        ko: 'InternalFailure는 Kinesis 쪽의 일시적인 문제입니다. 레코드 자체에는 문제가 없습니다.',
      },
      fix: resend,
      autoFix: { type: 'wait-and-retry', delayMs: SHARD_RETRY_MS },
    };
  }
  return {
    kind: 'records-failed',
    what,
    why: {
      en: 'Entries can also fail because of the stream\'s KMS key (KMS… codes) or a passing internal failure; the ErrorMessage of each entry says which.',
      ko: '스트림의 KMS 키 문제(KMS로 시작하는 코드)나 일시적인 내부 오류로도 항목이 실패할 수 있습니다. 각 항목의 ErrorMessage에 이유가 있습니다.',
    },
    fix: joinLocalized(resend, {
      en: 'If the codes start with KMS, fix the key first (aws kinesis describe-stream-summary shows which key the stream uses).',
      ko: '코드가 KMS로 시작하면 먼저 키 문제를 해결하세요(aws kinesis describe-stream-summary로 스트림이 쓰는 키를 볼 수 있습니다).',
    }),
  };
}

/** How much a stream can take now, from DescribeStreamSummary. */
export interface StreamCapacity {
  mode: 'PROVISIONED' | 'ON_DEMAND';
  openShards: number;
}

/**
 * A producer run that gave records up because a shard throttled them on every attempt: the stream
 * needs more capacity than it has. The fix AWS gives is more shards (UpdateShardCount) or on-demand
 * (UpdateStreamMode); the one-key fix doubles a provisioned stream's shards (the most one
 * UpdateShardCount may add) and runs the producer again. An on-demand stream grows by itself: wait.
 */
export function diagnoseThrottledRun(api: 'PutRecord' | 'PutRecords', givenUp: number, ctx: DiagnosisContext, capacity: StreamCapacity): Diagnosis {
  const { mode, openShards } = capacity;
  const provisioned = mode === 'PROVISIONED' && openShards > 0;
  const records = (en: string) => `${givenUp} record${givenUp === 1 ? '' : 's'}${en}`;
  return {
    kind: 'producer-throttled',
    what: {
      en: `The ${api} producer gave up ${records('')} of "${ctx.stream}": a shard answered ProvisionedThroughputExceededException on every attempt.`,
      ko: `${api} 프로듀서가 "${ctx.stream}" 스트림에 보낼 레코드 ${givenUp}개를 포기했습니다. 샤드가 시도할 때마다 ProvisionedThroughputExceededException으로 거절했습니다.`,
    },
    why: joinLocalized(
      provisioned
        ? { en: `The stream has ${openShards} shard${openShards === 1 ? '' : 's'}, so it takes at most ${openShards * 1000} records/s.`, ko: `스트림의 샤드가 ${openShards}개라 초당 최대 ${openShards * 1000}개까지만 받습니다.` }
        : { en: 'The stream is on-demand: it grows with its traffic, but only up to double its previous peak at a time.', ko: '온디맨드 스트림은 트래픽에 따라 커지지만, 한 번에 이전 최고치의 두 배까지만 늘어납니다.' },
      shardLimitsWhy(),
    ),
    fix: provisioned
      ? {
          en: `Give the stream more capacity: double it to ${openShards * 2} shards (aws kinesis update-shard-count --stream-name ${ctx.stream} --target-shard-count ${openShards * 2} --scaling-type UNIFORM_SCALING --region ${ctx.region}), or switch it to on-demand (aws kinesis update-stream-mode --stream-arn ARN --stream-mode-details StreamMode=ON_DEMAND); wait until it is ACTIVE and run the producer again.`,
          ko: `스트림의 용량을 늘리세요. 샤드를 ${openShards * 2}개로 두 배 늘리거나(aws kinesis update-shard-count --stream-name ${ctx.stream} --target-shard-count ${openShards * 2} --scaling-type UNIFORM_SCALING --region ${ctx.region}) 온디맨드 모드로 바꾼 뒤(aws kinesis update-stream-mode --stream-arn ARN --stream-mode-details StreamMode=ON_DEMAND), ACTIVE가 되면 프로듀서를 다시 실행하세요.`,
        }
      : joinLocalized(
          { en: 'Wait a moment for the stream to grow, then run the producer again, or lower --rate.', ko: '스트림이 커질 때까지 잠시 기다렸다가 프로듀서를 다시 실행하거나 --rate를 낮추세요.' },
          shardLimitsFix(ctx.stream, ctx),
        ),
    autoFix: provisioned ? { type: 'add-shards', stream: ctx.stream, from: openShards, to: openShards * 2 } : { type: 'wait-and-retry', delayMs: SHARD_RETRY_MS },
  };
}

export const THROTTLING_ENTRIES: readonly CatalogEntry[] = [throughputExceeded, requestThrottled];
