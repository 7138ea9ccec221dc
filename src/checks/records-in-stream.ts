import type { StreamRecord } from '../aws/kinesis-port.js';
import { lookInOtherAccounts, otherAccountLine } from '../diagnose/other-accounts.js';
import type { Localized } from '../i18n/lang.js';
import { isTaxiTrip } from '../producer/taxi-trip-generator.js';
import type { CheckResult } from '../engine/check-result.js';
import { diagnosisContext, type LabContext } from './check-context.js';
import { diagnosedResult } from './diagnosed-result.js';
import { onSurface } from '../i18n/surface.js';
import { labCommand } from '../diagnose/diagnosis.js';
import { describeCurrentStream, withStaleRuns } from './current-stream.js';
import { foundElsewhereResult, recordsElsewhere } from './records-elsewhere.js';
import type { StreamIdentity } from '../engine/session-ledger.js';

export interface RecordsInStreamParams {
  /** Stop reading after this many records; enough to prove the step without reading a day of data. @default 20000 */
  limit?: number;
}

/** What was found in the stream, counted the way the check reports it. */
export interface RecordCensus {
  total: number;
  json: number;
  taxi: number;
  /** Field names of one JSON record that is not a trip, to show the learner what we saw. */
  otherJsonFields?: string[];
  newest?: StreamRecord;
}

export function censusOf(records: StreamRecord[]): RecordCensus {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const census: RecordCensus = { total: records.length, json: 0, taxi: 0 };
  for (const record of records) {
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(record.data));
    } catch {
      continue;
    }
    census.json += 1;
    if (isTaxiTrip(value)) census.taxi += 1;
    else if (census.otherJsonFields === undefined && value !== null && typeof value === 'object') census.otherJsonFields = Object.keys(value).slice(0, 8);
  }
  census.newest = records.reduce<StreamRecord | undefined>((a, r) => (a === undefined || (r.approximateArrivalTimestamp?.getTime() ?? 0) >= (a.approximateArrivalTimestamp?.getTime() ?? 0) ? r : a), undefined);
  return census;
}

/** On a sandbox: a stream of this name with records in another account (the learner's script signs with another key). */
async function recordsInOtherAccount(ctx: LabContext): Promise<Localized | undefined> {
  if (!ctx.sandbox || !ctx.labKey) return undefined;
  const found = (await lookInOtherAccounts(ctx.otherAccounts, 'stream', ctx.stream)).filter((place) => (place.records ?? 0) > 0);
  return found.length > 0 ? otherAccountLine('stream', ctx.stream, found, ctx.labKey) : undefined;
}

/**
 * Step 2's check: reads every shard from the trim horizon with GetRecords, so records from the
 * learner's own boto3 or CLI script count as much as the runner's. Any JSON record passes; taxi-shaped
 * ones are told apart so a learner with their own payload knows what we saw.
 */
export async function checkRecordsInStream(ctx: LabContext, step: string, params: RecordsInStreamParams = {}): Promise<CheckResult> {
  let records: StreamRecord[];
  let shardCount: number;
  let identity: StreamIdentity;
  try {
    identity = (await describeCurrentStream(ctx)).identity;
  } catch (error) {
    return withStaleRuns(diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary'))), ctx, undefined);
  }
  try {
    // Shards are counted from the stream, not from the records: an empty shard was read too.
    shardCount = (await ctx.kinesis.listShardIds(ctx.stream)).length;
    records = await ctx.kinesis.readStream(ctx.stream, { limit: params.limit ?? 20_000 });
  } catch (error) {
    return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'GetRecords')));
  }
  const c = censusOf(records);
  const evidence = [
    { en: `Read ${c.total} record(s) from ${shardCount} shard(s) of ${ctx.stream} (${ctx.region}), from the oldest.`, ko: `${ctx.stream}(${ctx.region})의 샤드 ${shardCount}개에서 가장 오래된 것부터 레코드 ${c.total}개를 읽었습니다.` },
    { en: `JSON records: ${c.json} · taxi trips among them: ${c.taxi}`, ko: `JSON 레코드: ${c.json}개 · 그중 택시 운행 데이터: ${c.taxi}개` },
  ];
  if (c.newest) {
    evidence.push({
      en: `Newest: ${c.newest.shardId}, sequence number ${c.newest.sequenceNumber}, partition key ${c.newest.partitionKey}`,
      ko: `가장 최근 레코드: ${c.newest.shardId}, 시퀀스 번호 ${c.newest.sequenceNumber}, 파티션 키 ${c.newest.partitionKey}`,
    });
  }
  if (c.json === 0) {
    const none = c.total === 0;
    const elsewhere = none ? await recordsInOtherAccount(ctx) : undefined;
    if (elsewhere) return { step, outcome: 'failed', summary: { en: `No records in ${ctx.stream} yet.`, ko: `${ctx.stream}에 아직 레코드가 없습니다.` }, evidence, fix: elsewhere, errorKind: 'records-in-other-account' };
    // Nothing here: the learner's script may be sending to the same name in another region, or to a similar name.
    const found = none ? await recordsElsewhere(ctx) : undefined;
    if (found) return withStaleRuns(foundElsewhereResult(step, ctx, found, evidence), ctx, identity);
    return withStaleRuns({
      step,
      outcome: 'failed',
      summary: none
        ? { en: `No records in ${ctx.stream} yet.`, ko: `${ctx.stream}에 아직 레코드가 없습니다.` }
        : { en: `${c.total} record(s) in ${ctx.stream}, but none is JSON.`, ko: `${ctx.stream}에 레코드 ${c.total}개가 있지만 JSON 레코드는 없습니다.` },
      evidence,
      fix: none
        ? onSurface(ctx.surface, {
            tui: {
              en: `Run the producer (d), or your own script. If your script says it sent records, check that it uses stream "${ctx.stream}" in region ${ctx.region}.`,
              ko: `프로듀서를 실행하거나(d) 직접 만든 스크립트를 실행하세요. 스크립트는 보냈다고 나오는데 여기 없다면, 스트림 이름이 "${ctx.stream}", 리전이 ${ctx.region}인지 확인하세요.`,
            },
            cli: {
              en: `Run the producer (${labCommand(ctx, `solve ${step}`)}), or your own script. If your script says it sent records, check that it uses stream "${ctx.stream}" in region ${ctx.region}.`,
              ko: `프로듀서를 실행하거나(${labCommand(ctx, `solve ${step}`)}) 직접 만든 스크립트를 실행하세요. 스크립트는 보냈다고 나오는데 여기 없다면, 스트림 이름이 "${ctx.stream}", 리전이 ${ctx.region}인지 확인하세요.`,
            },
          })
        : {
            en: 'The lab sends each trip as a JSON object (json.dumps in Python, JSON.stringify in TypeScript). Send JSON and check again.',
            ko: '이 실습은 운행 정보를 JSON 객체로 보냅니다(Python은 json.dumps, TypeScript는 JSON.stringify). JSON으로 보낸 뒤 다시 확인하세요.',
          },
      errorKind: none ? 'no-records' : 'records-not-json',
    }, ctx, identity);
  }
  if (c.taxi === 0) {
    const fields = (c.otherJsonFields ?? []).join(', ');
    evidence.push({
      en: `These records do not look like taxi trips (fields: ${fields}). That is fine: any JSON record counts.`,
      ko: `이 레코드는 택시 운행 데이터처럼 보이지 않습니다(필드: ${fields}). 괜찮습니다. JSON 레코드라면 모두 인정됩니다.`,
    });
  }
  return {
    step,
    outcome: 'passed',
    summary: { en: `${c.json} JSON record(s) are in ${ctx.stream}.`, ko: `${ctx.stream}에 JSON 레코드 ${c.json}개가 들어 있습니다.` },
    evidence,
  };
}
