import { lookInOtherAccounts, otherAccountLine } from '../diagnose/other-accounts.js';
import type { AutoFix } from '../shared/auto-fix.js';
import { similarNames } from '../diagnose/similar-names.js';
import { utcTime } from '../i18n/progress-messages.js';
import type { Localized } from '../i18n/lang.js';
import type { CheckResult } from '../engine/check-result.js';
import { diagnosisContext, type LabContext } from './check-context.js';
import { diagnosedResult } from './diagnosed-result.js';
import { countFrom, countedPuts, expectedVisibleAt, giveUpAt, sessionPuts, type CountedPuts, type SessionPuts } from './put-metrics-facts.js';
import { describeCurrentStream, withStaleRuns } from './current-stream.js';
import type { StreamIdentity } from '../engine/session-ledger.js';
import { labCommand } from '../diagnose/diagnosis.js';
import { commandLine } from '../i18n/command-line.js';
import { onSurface } from '../i18n/surface.js';

export interface PutMetricsVisibleParams {
  /** How far back runs and CloudWatch data count. @default 180 (minutes) */
  lookbackMinutes?: number;
}

const MINUTE_MS = 60_000;

/**
 * Step 4's check: CloudWatch's put metrics for the stream. When this session's producers sent records,
 * CloudWatch's counts must cover them per API (PutRecord.Success ≥ records sent with PutRecord,
 * PutRecords.SuccessfulRecords ≥ records sent with PutRecords); records from the learner's own script
 * leave no trace in the ledger, so then any successful put counted for the stream passes. An empty
 * answer is told apart: still inside the normal delay, metrics under another region or stream name,
 * puts that failed or were throttled, or nothing sent at all.
 */
export async function checkPutMetricsVisible(ctx: LabContext, step: string, params: PutMetricsVisibleParams = {}): Promise<CheckResult> {
  let identity: StreamIdentity | undefined;
  try {
    identity = (await describeCurrentStream(ctx)).identity;
  } catch (error) {
    // No stream here: CloudWatch may still show where the records went (another region or name).
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary')));
  }
  const result = await judgeMetrics(ctx, step, identity ?? { stream: ctx.stream, region: ctx.region }, params);
  return withStaleRuns(result, ctx, identity);
}

async function judgeMetrics(ctx: LabContext, step: string, where: StreamIdentity, params: PutMetricsVisibleParams): Promise<CheckResult> {
  const now = ctx.clock();
  const lookbackMs = (params.lookbackMinutes ?? 180) * MINUTE_MS;
  const since = countFrom(now, lookbackMs, where.createdAt);
  const puts = sessionPuts(ctx.ledger(), where, since);
  const start = puts.firstAt ?? since;
  let counted: CountedPuts;
  try {
    counted = countedPuts(await ctx.cloudwatch.read(ctx.stream, new Date(start), new Date(now)));
  } catch (error) {
    return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'GetMetricData')));
  }
  const evidence = evidenceOf(ctx, puts, counted, start, now);
  const successes = counted.putRecord + counted.putRecords;
  const result = (outcome: CheckResult['outcome'], summary: Localized, fix?: Localized, errorKind?: string, autoFix?: AutoFix): CheckResult => ({
    step,
    outcome,
    summary,
    evidence,
    ...(fix ? { fix } : {}),
    ...(errorKind ? { errorKind } : {}),
    ...(autoFix ? { autoFix } : {}),
  });

  if (puts.lastAt !== undefined) {
    if (counted.putRecord >= puts.putRecord && counted.putRecords >= puts.putRecords) {
      const sent = puts.putRecord + puts.putRecords;
      return result('passed', { en: `CloudWatch counted all ${sent} record(s) this session sent to ${ctx.stream}.`, ko: `이번 세션에서 ${ctx.stream}에 보낸 레코드 ${sent}개를 CloudWatch가 모두 집계했습니다.` });
    }
    if (now < giveUpAt(puts.lastAt, ctx.cloudwatch.delay.giveUpAfterMs)) return result('failed', ...delayTexts(ctx, step, puts, counted, now), 'metrics-delay');
    if (successes === 0) {
      return (await elsewhere(ctx, step, result)) ?? failedOrEmpty(ctx, step, counted, result, true);
    }
    return result(
      'failed',
      {
        en: `CloudWatch counted fewer records than this session sent: ${successes} of ${puts.putRecord + puts.putRecords}.`,
        ko: `CloudWatch가 집계한 레코드가 이번 세션에서 보낸 것보다 적습니다: ${puts.putRecord + puts.putRecords}개 중 ${successes}개.`,
      },
      onSurface(ctx.surface, {
        tui: {
          en: 'Compare them per minute in the table below the chart. Records CloudWatch has not counted by now will not show up: press d to send a fresh sample, which the check then counts from.',
          ko: '차트 아래 표에서 분 단위로 비교해 보세요. 지금까지 집계되지 않은 레코드는 앞으로도 나타나지 않습니다. d를 눌러 새 샘플을 보내면 확인 기능이 그 샘플부터 셉니다.',
        },
        cli: {
          en: `Compare them per minute on the lab's step ${step} screen. Records CloudWatch has not counted by now will not show up: send a fresh sample (${labCommand(ctx, `solve ${step}`)}), which the check then counts from.`,
          ko: `실습의 ${step} 단계 화면에서 분 단위로 비교해 보세요. 지금까지 집계되지 않은 레코드는 앞으로도 나타나지 않습니다. 새 샘플을 보내면(${labCommand(ctx, `solve ${step}`)}) 확인 기능이 그 샘플부터 셉니다.`,
        },
      }),
      'metrics-short',
    );
  }

  // No runs of our own: the learner's script may have sent them.
  if (successes > 0) {
    return result('passed', {
      en: `CloudWatch counted ${successes} record(s) put into ${ctx.stream} in the last ${Math.round(lookbackMs / MINUTE_MS)} minutes.`,
      ko: `최근 ${Math.round(lookbackMs / MINUTE_MS)}분 동안 ${ctx.stream}에 들어온 레코드 ${successes}개를 CloudWatch가 집계했습니다.`,
    });
  }
  return (await elsewhere(ctx, step, result)) ?? failedOrEmpty(ctx, step, counted, result, false);
}

type Result = (outcome: CheckResult['outcome'], summary: Localized, fix?: Localized, errorKind?: string, autoFix?: AutoFix) => CheckResult;

function evidenceOf(ctx: LabContext, puts: SessionPuts, counted: CountedPuts, start: number, now: number): Localized[] {
  const lines: Localized[] = [];
  if (puts.firstAt !== undefined && puts.lastAt !== undefined) {
    lines.push({
      en: `This session sent ${puts.putRecord} record(s) with PutRecord and ${puts.putRecords} with PutRecords to ${ctx.stream} (${ctx.region}), ${utcTime(puts.firstAt)}–${utcTime(puts.lastAt)}.`,
      ko: `이번 세션에서 ${ctx.stream}(${ctx.region})에 PutRecord로 ${puts.putRecord}개, PutRecords로 ${puts.putRecords}개를 보냈습니다(${utcTime(puts.firstAt)}~${utcTime(puts.lastAt)}).`,
    });
  } else {
    lines.push({
      en: `This session's producers sent nothing to ${ctx.stream} (${ctx.region}) in the window, so any successful put CloudWatch counted for the stream is enough.`,
      ko: `이번 세션의 프로듀서는 이 기간에 ${ctx.stream}(${ctx.region})로 보낸 것이 없으므로, CloudWatch가 이 스트림에서 집계한 성공한 put이 하나라도 있으면 됩니다.`,
    });
  }
  lines.push({
    en: `GetMetricData, AWS/Kinesis, StreamName=${ctx.stream}, 60 s, Sum, ${utcTime(start)}–${utcTime(now)}: PutRecord.Success ${counted.putRecord}, PutRecords.SuccessfulRecords ${counted.putRecords}, IncomingRecords ${counted.incoming}.`,
    ko: `GetMetricData, AWS/Kinesis, StreamName=${ctx.stream}, 60초, 합계, ${utcTime(start)}~${utcTime(now)}: PutRecord.Success ${counted.putRecord}, PutRecords.SuccessfulRecords ${counted.putRecords}, IncomingRecords ${counted.incoming}.`,
  });
  if (counted.failed + counted.throttled + counted.exceeded > 0) {
    lines.push({
      en: `Refused: PutRecords.FailedRecords ${counted.failed}, PutRecords.ThrottledRecords ${counted.throttled}, WriteProvisionedThroughputExceeded ${counted.exceeded}.`,
      ko: `거절됨: PutRecords.FailedRecords ${counted.failed}, PutRecords.ThrottledRecords ${counted.throttled}, WriteProvisionedThroughputExceeded ${counted.exceeded}.`,
    });
  }
  lines.push(
    counted.newestMinute === undefined
      ? { en: 'CloudWatch has no put data point for this stream in the window yet.', ko: '이 기간에 이 스트림의 put 데이터 포인트가 CloudWatch에 아직 없습니다.' }
      : { en: `Newest minute with data: ${utcTime(counted.newestMinute)}.`, ko: `데이터가 있는 가장 최근 분: ${utcTime(counted.newestMinute)}.` },
  );
  if (!counted.complete) {
    lines.push({ en: 'Some metrics came back incomplete (PartialData); the numbers may grow.', ko: '일부 지표가 완전하지 않게(PartialData) 왔습니다. 숫자가 늘어날 수 있습니다.' });
  }
  return lines;
}

function delayTexts(ctx: LabContext, step: string, puts: SessionPuts, counted: CountedPuts, now: number): [Localized, Localized] {
  const delay = ctx.cloudwatch.delay;
  const expected = expectedVisibleAt(puts.lastAt ?? now, delay.afterMinuteMs);
  const sent = puts.putRecord + puts.putRecords;
  const successes = counted.putRecord + counted.putRecords;
  const waitMs = Math.max(0, expected - now);
  const wait: Localized =
    waitMs === 0
      ? { en: 'any moment now', ko: '곧' }
      : waitMs < 90_000
        ? { en: `in about ${Math.ceil(waitMs / 1000)} s`, ko: `약 ${Math.ceil(waitMs / 1000)}초 뒤` }
        : { en: `in about ${Math.round(waitMs / MINUTE_MS)} min`, ko: `약 ${Math.round(waitMs / MINUTE_MS)}분 뒤` };
  const summary: Localized =
    successes === 0
      ? { en: `CloudWatch has not counted the ${sent} record(s) yet: they are still on their way.`, ko: `CloudWatch가 레코드 ${sent}개를 아직 집계하지 않았습니다. 아직 오는 중입니다.` }
      : { en: `CloudWatch has counted ${successes} of ${sent} record(s) so far; the rest are on their way.`, ko: `CloudWatch가 지금까지 레코드 ${sent}개 중 ${successes}개를 집계했습니다. 나머지는 오는 중입니다.` };
  const why: Localized =
    delay.target === 'aws'
      ? {
          en: 'Kinesis adds up each minute and delivers it to CloudWatch asynchronously after the minute ends; on AWS that usually takes about 5–7 minutes after sending.',
          ko: 'Kinesis는 1분 단위로 합산한 값을 그 1분이 끝난 뒤 CloudWatch에 비동기로 전달합니다. AWS에서는 보낸 뒤 보통 5~7분쯤 걸립니다.',
        }
      : {
          en: `The sandbox shows a minute ${seconds(delay.afterMinuteMs)} after it ends${delay.known ? '' : ` (its default; ${commandLine('sandbox --metrics-delay')} changes it)`}; on AWS it usually takes about 5–7 minutes after sending.`,
          ko: `샌드박스는 1분이 끝나고 ${secondsKo(delay.afterMinuteMs)} 뒤에 그 1분의 데이터를 보여 줍니다${delay.known ? '' : `(기본값이며 ${commandLine('sandbox --metrics-delay')}로 바꿀 수 있습니다)`}. AWS에서는 보낸 뒤 보통 5~7분쯤 걸립니다.`,
        };
  const again = onSurface(ctx.surface, { tui: { en: '(c)', ko: '(c)' }, cli: { en: `(${labCommand(ctx, `check ${step}`)})`, ko: `(${labCommand(ctx, `check ${step}`)})` } });
  const fix: Localized = {
    en: `${why.en} Expect the data by about ${utcTime(expected)} (${wait.en}), then check again ${again.en}.`,
    ko: `${why.ko} ${utcTime(expected)}쯤(${wait.ko}) 데이터가 보일 테니 그때 다시 확인하세요${again.ko}.`,
  };
  return [summary, fix];
}

/** Put metrics in another account of the sandbox, under this stream name in another region, or under another name in this region. */
async function elsewhere(ctx: LabContext, step: string, result: Result): Promise<CheckResult | undefined> {
  const inOtherAccounts = ctx.sandbox && ctx.labKey ? await lookInOtherAccounts(ctx.otherAccounts, 'metrics', ctx.stream) : [];
  if (inOtherAccounts.length > 0 && ctx.labKey) {
    return result(
      'failed',
      { en: `No put metrics for ${ctx.stream} in the lab's account on this sandbox.`, ko: `이 샌드박스의 실습 계정에는 ${ctx.stream}의 put 지표가 없습니다.` },
      otherAccountLine('metrics', ctx.stream, inOtherAccounts, ctx.labKey),
      'metrics-other-account',
    );
  }
  const [regions, streams] = await Promise.all([
    ctx.cloudwatch.regionsWithPutMetrics(ctx.stream).catch((): string[] => []),
    ctx.cloudwatch.streamsWithPutMetrics().catch((): string[] => []),
  ]);
  const [region] = regions;
  if (region !== undefined) {
    const listed = regions.join(', ');
    return result(
      'failed',
      {
        en: `No put metrics for ${ctx.stream} in ${ctx.region}, but CloudWatch has them for a stream of that name in ${listed}.`,
        ko: `${ctx.region}에는 ${ctx.stream}의 put 지표가 없지만, ${listed}에는 같은 이름의 스트림 지표가 있습니다.`,
      },
      onSurface(ctx.surface, {
        tui: {
          en: `Your records went to ${region}. Press f to switch the lab to ${region}, or send them to ${ctx.region} instead (AWS_REGION=${ctx.region}, or region_name="${ctx.region}" in boto3).`,
          ko: `레코드가 ${region}로 갔습니다. f를 눌러 실습을 ${region}로 바꾸거나, ${ctx.region}로 보내세요(AWS_REGION=${ctx.region}, boto3라면 region_name="${ctx.region}").`,
        },
        cli: {
          en: `Your records went to ${region}. Send them to ${ctx.region} (AWS_REGION=${ctx.region}, or region_name="${ctx.region}" in boto3), or run the lab in that region: ${labCommand(ctx, '', { region })}.`,
          ko: `레코드가 ${region}로 갔습니다. ${ctx.region}로 보내거나(AWS_REGION=${ctx.region}, boto3라면 region_name="${ctx.region}"), 그 리전에서 실습을 실행하세요: ${labCommand(ctx, '', { region })}.`,
        },
      }),
      'metrics-wrong-region',
      { type: 'switch-region', region },
    );
  }
  const others = streams.filter((s) => s !== ctx.stream);
  if (others.length > 0) {
    const [similar] = similarNames(ctx.stream, others);
    const listed = others.slice(0, 5).map((s) => `"${s}"`).join(', ');
    return result(
      'failed',
      {
        en: `No put metrics for ${ctx.stream}, but CloudWatch in ${ctx.region} has them for ${listed}.`,
        ko: `${ctx.stream}의 put 지표는 없지만, ${ctx.region}의 CloudWatch에는 ${listed} 스트림의 지표가 있습니다.`,
      },
      similar
        ? onSurface(ctx.surface, {
            tui: {
              en: `Your script probably wrote to "${similar}". Press f to switch the lab to that stream, or use StreamName "${ctx.stream}" in your script.`,
              ko: `스크립트가 "${similar}" 스트림에 쓴 것 같습니다. f를 눌러 실습을 그 스트림으로 바꾸거나, 스크립트의 StreamName을 "${ctx.stream}"으로 고치세요.`,
            },
            cli: {
              en: `Your script probably wrote to "${similar}". Use StreamName "${ctx.stream}" in it, or run the lab on that stream: ${labCommand(ctx, '', { stream: similar })}.`,
              ko: `스크립트가 "${similar}" 스트림에 쓴 것 같습니다. 스크립트의 StreamName을 "${ctx.stream}"으로 고치거나, 그 스트림으로 실습을 실행하세요: ${labCommand(ctx, '', { stream: similar })}.`,
            },
          })
        : onSurface(ctx.surface, {
            tui: { en: `Records went to another stream. Use StreamName "${ctx.stream}" in your script and send again (or press d).`, ko: `레코드가 다른 스트림으로 갔습니다. 스크립트의 StreamName을 "${ctx.stream}"으로 고쳐 다시 보내세요(또는 d).` },
            cli: {
              en: `Records went to another stream. Use StreamName "${ctx.stream}" in your script and send again (or: ${labCommand(ctx, `solve ${step}`)}).`,
              ko: `레코드가 다른 스트림으로 갔습니다. 스크립트의 StreamName을 "${ctx.stream}"으로 고쳐 다시 보내세요(또는 ${labCommand(ctx, `solve ${step}`)}).`,
            },
          }),
      'metrics-wrong-stream',
      similar ? { type: 'switch-stream', stream: similar } : undefined,
    );
  }
  return undefined;
}

function failedOrEmpty(ctx: LabContext, step: string, counted: CountedPuts, result: Result, ownRuns: boolean): CheckResult {
  if (counted.failed + counted.throttled + counted.exceeded > 0) {
    return result(
      'failed',
      {
        en: `Puts reached ${ctx.stream} but none succeeded: ${counted.failed} failed, ${counted.throttled} throttled, ${counted.exceeded} over the shard limit.`,
        ko: `${ctx.stream}에 put 요청은 왔지만 성공한 것이 없습니다: 실패 ${counted.failed}, 스로틀링 ${counted.throttled}, 샤드 한도 초과 ${counted.exceeded}.`,
      },
      onSurface(ctx.surface, {
        tui: {
          en: "Throttled entries were over a shard's 1,000 records/s or 1 MiB/s: send more slowly, retry only the entries with an ErrorCode, with backoff (step 3), or add shards. Then check again (c).",
          ko: '스로틀링된 항목은 샤드 한도(초당 레코드 1,000개 또는 1MiB)를 넘은 것입니다. 더 천천히 보내거나, ErrorCode가 있는 항목만 간격을 두고 다시 보내거나(3단계), 샤드를 늘리세요. 그런 다음 다시 확인하세요(c).',
        },
        cli: {
          en: `Throttled entries were over a shard's 1,000 records/s or 1 MiB/s: send more slowly, retry only the entries with an ErrorCode, with backoff (step 3), or add shards. Then check again: ${labCommand(ctx, `check ${step}`)}`,
          ko: `스로틀링된 항목은 샤드 한도(초당 레코드 1,000개 또는 1MiB)를 넘은 것입니다. 더 천천히 보내거나, ErrorCode가 있는 항목만 간격을 두고 다시 보내거나(3단계), 샤드를 늘리세요. 그런 다음 다시 확인하세요: ${labCommand(ctx, `check ${step}`)}`,
        },
      }),
      'metrics-puts-failed',
    );
  }
  if (ownRuns) {
    const fresh = onSurface(ctx.surface, {
      tui: { en: 'Or press d to send a fresh sample, which the check then counts from.', ko: '또는 d를 눌러 새 샘플을 보내면 확인 기능이 그 샘플부터 셉니다.' },
      cli: { en: `Or send a fresh sample (${labCommand(ctx, `solve ${step}`)}), which the check then counts from.`, ko: `또는 새 샘플을 보내면(${labCommand(ctx, `solve ${step}`)}) 확인 기능이 그 샘플부터 셉니다.` },
    });
    return result(
      'failed',
      { en: `CloudWatch still has no put metrics for ${ctx.stream}, longer after sending than the usual delay.`, ko: `보낸 지 보통의 지연보다 오래 지났는데도 CloudWatch에 ${ctx.stream}의 put 지표가 없습니다.` },
      {
        en: `Check that CloudWatch is asked in ${ctx.region} (AWS_ENDPOINT_URL_CLOUDWATCH or a profile may point elsewhere) and list what it has: aws cloudwatch list-metrics --namespace AWS/Kinesis --dimensions Name=StreamName,Value=${ctx.stream} --region ${ctx.region}. ${fresh.en}`,
        ko: `CloudWatch를 ${ctx.region}에서 조회하는지 확인하고(AWS_ENDPOINT_URL_CLOUDWATCH나 프로필이 다른 곳을 가리킬 수 있습니다), 있는 지표를 나열해 보세요: aws cloudwatch list-metrics --namespace AWS/Kinesis --dimensions Name=StreamName,Value=${ctx.stream} --region ${ctx.region}. ${fresh.ko}`,
      },
      'metrics-empty',
    );
  }
  return result(
    'failed',
    { en: `No records were put into ${ctx.stream} recently, as far as CloudWatch shows.`, ko: `CloudWatch로 보면 최근 ${ctx.stream}에 들어온 레코드가 없습니다.` },
    nothingSentFix(ctx, step),
    'metrics-nothing-sent',
  );
}

/** Nothing sent: the runner's sample (d, or `solve`) or the learner's own script, then a check once CloudWatch has it. */
function nothingSentFix(ctx: LabContext, step: string): Localized {
  const solve = labCommand(ctx, `solve ${step}`);
  const check = labCommand(ctx, `check ${step}`);
  if (ctx.cloudwatch.delay.target === 'aws') {
    return onSurface(ctx.surface, {
      tui: {
        en: 'Press d to send a few hundred records with both APIs, or run your own script; CloudWatch shows them about 5–7 minutes later. If your script sent them just now, wait and check again (c).',
        ko: 'd를 눌러 두 API로 레코드 수백 개를 보내거나 직접 만든 스크립트를 실행하세요. CloudWatch에는 5~7분쯤 뒤에 보입니다. 방금 스크립트로 보냈다면 기다렸다가 다시 확인하세요(c).',
      },
      cli: {
        en: `Send a few hundred records with both APIs (${solve}), or run your own script; CloudWatch shows them about 5–7 minutes later. If your script sent them just now, wait and check again: ${check}`,
        ko: `두 API로 레코드 수백 개를 보내거나(${solve}) 직접 만든 스크립트를 실행하세요. CloudWatch에는 5~7분쯤 뒤에 보입니다. 방금 스크립트로 보냈다면 기다렸다가 다시 확인하세요: ${check}`,
      },
    });
  }
  return onSurface(ctx.surface, {
    tui: {
      en: 'Press d to send a few hundred records with both APIs, or run your own script against the sandbox; its metrics show shortly after each minute ends. Then check again (c).',
      ko: 'd를 눌러 두 API로 레코드 수백 개를 보내거나 직접 만든 스크립트를 샌드박스에 실행하세요. 샌드박스 지표는 1분이 끝나고 곧 보입니다. 그런 다음 다시 확인하세요(c).',
    },
    cli: {
      en: `Send a few hundred records with both APIs (${solve}), or run your own script against the sandbox; its metrics show shortly after each minute ends. Then check again: ${check}`,
      ko: `두 API로 레코드 수백 개를 보내거나(${solve}) 직접 만든 스크립트를 샌드박스에 실행하세요. 샌드박스 지표는 1분이 끝나고 곧 보입니다. 그런 다음 다시 확인하세요: ${check}`,
    },
  });
}

function seconds(ms: number): string {
  return ms % MINUTE_MS === 0 && ms > 0 ? `${ms / MINUTE_MS} min` : `${Math.round(ms / 1000)} s`;
}

function secondsKo(ms: number): string {
  return ms % MINUTE_MS === 0 && ms > 0 ? `${ms / MINUTE_MS}분` : `${Math.round(ms / 1000)}초`;
}
