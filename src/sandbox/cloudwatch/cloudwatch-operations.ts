/**
 * The three CloudWatch read operations the lab needs, independent of wire protocol: each takes
 * the decoded request (JSON 1.0, CBOR or query-form fields, so numbers may arrive as strings and
 * times as epoch seconds, ISO-8601 text or Dates) and returns plain values with Dates; the
 * protocol layer serializes them. Validation messages follow CloudWatch's wording where known.
 */
import { createHash } from 'node:crypto';
import { CloudWatchError, invalidCombination, invalidValue, missingParameter } from './cloudwatch-error.js';
import { MINUTE_MS } from './kinesis-metric-recorder.js';
import { aggregatePeriods, alignStart, isStatistic, statisticValue, STATISTICS, type Statistic } from './period-aggregation.js';
import type { Dimension, VisibleMetrics } from './visible-metrics.js';
import { wireValueText } from '../wire-value-text.js';

/** A GetMetricStatistics datapoint; only the requested statistics are present. */
export interface Datapoint {
  Timestamp: Date;
  SampleCount?: number;
  Average?: number;
  Sum?: number;
  Minimum?: number;
  Maximum?: number;
  Unit: string;
}

export interface GetMetricStatisticsOutput {
  Label: string;
  Datapoints: Datapoint[];
}

export type StatusCode = 'Complete' | 'PartialData';

export interface MetricDataResult {
  Id: string;
  Label: string;
  Timestamps: Date[];
  Values: number[];
  StatusCode: StatusCode;
  Messages: never[];
}

export interface GetMetricDataOutput {
  MetricDataResults: MetricDataResult[];
  NextToken?: string;
  Messages: never[];
}

export interface ListedMetricOutput {
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
}

export interface ListMetricsOutput {
  Metrics: ListedMetricOutput[];
  NextToken?: string;
}

/** Where the operations read from: the caller's account's visible metrics in the region. */
export interface OperationContext {
  account: string;
  region: string;
  metrics: VisibleMetrics;
}

/** AWS's limits. */
export const GET_METRIC_STATISTICS_MAX_DATAPOINTS = 1440;
export const GET_METRIC_DATA_MAX_QUERIES = 500;
export const GET_METRIC_DATA_DEFAULT_MAX_DATAPOINTS = 100_800;
export const LIST_METRICS_PAGE_SIZE = 500;

const METRIC_ID = /^[a-z][a-zA-Z0-9_]*$/;
const RECENTLY_ACTIVE_MS = 3 * 60 * MINUTE_MS;

type Fields = Record<string, unknown>;

export function getMetricStatistics(input: Fields, context: OperationContext): GetMetricStatisticsOutput {
  const namespace = requiredString(input, 'Namespace');
  const metricName = requiredString(input, 'MetricName');
  const { start, end } = timeRange(input, 'GetMetricStatistics');
  const period = periodSeconds(input.Period, 'Period');
  if (input.ExtendedStatistics !== undefined && listOf(input.ExtendedStatistics, 'ExtendedStatistics').length > 0) {
    throw invalidValue('The kinesis-lab sandbox does not keep single samples, so it cannot compute ExtendedStatistics (percentiles); use Statistics.');
  }
  const statistics = listOf(input.Statistics, 'Statistics').map((value) => String(value));
  if (statistics.length === 0) {
    throw invalidCombination('At least one of the parameters Statistics and ExtendedStatistics must be specified.');
  }
  if (statistics.length > STATISTICS.length) {
    throw invalidValue(`The collection Statistics must not have a size greater than ${STATISTICS.length}.`);
  }
  for (const statistic of statistics) {
    if (!isStatistic(statistic)) {
      throw invalidValue(`The value ${statistic} for parameter Statistics is not valid. Valid values: ${STATISTICS.join(', ')}.`);
    }
  }
  const requested = Math.ceil((end - alignStart(start)) / (period * 1000));
  if (requested > GET_METRIC_STATISTICS_MAX_DATAPOINTS) {
    throw invalidCombination(
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${GET_METRIC_STATISTICS_MAX_DATAPOINTS}. ` +
        'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
  }
  const unit = optionalString(input, 'Unit');
  const series = context.metrics.series(context.account, context.region, namespace, metricName, dimensions(input.Dimensions, 'Dimensions'));
  if (!series || (unit !== undefined && unit !== series.unit)) return { Label: metricName, Datapoints: [] };

  const datapoints = aggregatePeriods(series.minutes, start, end, period * 1000).map((aggregate) => {
    const datapoint: Datapoint = { Timestamp: new Date(aggregate.start), Unit: series.unit };
    for (const statistic of statistics as Statistic[]) datapoint[statistic] = statisticValue(aggregate, statistic);
    return datapoint;
  });
  return { Label: metricName, Datapoints: datapoints };
}

interface ParsedQuery {
  id: string;
  label: string;
  returnData: boolean;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  periodMs: number;
  stat: Statistic;
  unit: string | undefined;
}

/** Where each query's previous page stopped: the last timestamp handed out, in scan order. */
interface DataCursor {
  fingerprint: string;
  after: (number | null)[];
}

export function getMetricData(input: Fields, context: OperationContext): GetMetricDataOutput {
  const queryFields = listOf(input.MetricDataQueries, 'MetricDataQueries');
  if (input.MetricDataQueries === undefined) throw missingParameter('MetricDataQueries');
  if (queryFields.length === 0) throw invalidValue('The collection MetricDataQueries must not be empty.');
  if (queryFields.length > GET_METRIC_DATA_MAX_QUERIES) {
    throw invalidValue(`The collection MetricDataQueries must not have a size greater than ${GET_METRIC_DATA_MAX_QUERIES}.`);
  }
  const { start, end } = timeRange(input, 'GetMetricData');
  const queries = queryFields.map((fields, index) => parseQuery(fields, index));
  const seen = new Set<string>();
  for (const query of queries) {
    if (seen.has(query.id)) throw invalidValue(`The value ${query.id} for field Id must be unique.`);
    seen.add(query.id);
  }
  const scanBy = optionalString(input, 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidValue(`The value ${scanBy} for parameter ScanBy is not valid. Valid values: TimestampDescending, TimestampAscending.`);
  }
  const maxDatapoints = input.MaxDatapoints === undefined ? GET_METRIC_DATA_DEFAULT_MAX_DATAPOINTS : positiveInteger(input.MaxDatapoints, 'MaxDatapoints');

  const fingerprint = digest({ queries, start, end, scanBy });
  const token = optionalString(input, 'NextToken');
  const cursor: DataCursor = token === undefined ? { fingerprint, after: queries.map(() => null) } : readDataToken(token, fingerprint, queries.length);

  let budget = maxDatapoints;
  let more = false;
  const results: MetricDataResult[] = [];
  const after: (number | null)[] = [];
  for (const [index, query] of queries.entries()) {
    const series = context.metrics.series(context.account, context.region, query.namespace, query.metricName, query.dimensions);
    const usable = series && (query.unit === undefined || query.unit === series.unit) ? series.minutes : [];
    let points = aggregatePeriods(usable, start, end, query.periodMs).map((p) => ({ at: p.start, value: statisticValue(p, query.stat) }));
    if (scanBy === 'TimestampDescending') points.reverse();
    const previous = cursor.after[index] ?? null;
    if (previous !== null) points = points.filter((p) => (scanBy === 'TimestampAscending' ? p.at > previous : p.at < previous));
    const page = points.slice(0, Math.max(0, budget));
    budget -= page.length;
    const partial = page.length < points.length;
    more ||= partial;
    after.push(page.length > 0 ? (page[page.length - 1]?.at ?? previous) : previous);
    if (!query.returnData) continue;
    results.push({
      Id: query.id,
      Label: query.label,
      Timestamps: page.map((p) => new Date(p.at)),
      Values: page.map((p) => p.value),
      StatusCode: partial ? 'PartialData' : 'Complete',
      Messages: [],
    });
  }
  const output: GetMetricDataOutput = { MetricDataResults: results, Messages: [] };
  if (more) output.NextToken = encodeToken({ fingerprint, after } satisfies DataCursor);
  return output;
}

function parseQuery(value: unknown, index: number): ParsedQuery {
  const where = `MetricDataQueries.member.${index + 1}`;
  const fields = asFields(value, where);
  const id = requiredString(fields, 'Id', `${where}.Id`);
  if (id.length > 255 || !METRIC_ID.test(id)) {
    throw invalidValue(
      `The value ${id} for parameter ${where}.Id is not valid: it must start with a lowercase letter and hold only letters, digits and underscores.`,
    );
  }
  if (fields.Expression !== undefined) {
    if (fields.MetricStat !== undefined) throw invalidValue(`${where}: specify either Expression or MetricStat, not both.`);
    throw invalidValue(`${where}: the kinesis-lab sandbox does not evaluate metric math or Metrics Insights expressions; use MetricStat.`);
  }
  if (fields.MetricStat === undefined) throw missingParameter(`${where}.MetricStat`);
  const stat = asFields(fields.MetricStat, `${where}.MetricStat`);
  const metric = asFields(stat.Metric ?? missing(`${where}.MetricStat.Metric`), `${where}.MetricStat.Metric`);
  const statName = requiredString(stat, 'Stat', `${where}.MetricStat.Stat`);
  if (!isStatistic(statName)) {
    throw invalidValue(
      `The value ${statName} for parameter ${where}.MetricStat.Stat is not supported by the kinesis-lab sandbox. Valid values: ${STATISTICS.join(', ')}.`,
    );
  }
  const metricName = requiredString(metric, 'MetricName', `${where}.MetricStat.Metric.MetricName`);
  const returnData = fields.ReturnData;
  return {
    id,
    label: optionalString(fields, 'Label') ?? metricName,
    returnData: returnData === undefined || returnData === true || returnData === 'true',
    namespace: requiredString(metric, 'Namespace', `${where}.MetricStat.Metric.Namespace`),
    metricName,
    dimensions: dimensions(metric.Dimensions, `${where}.MetricStat.Metric.Dimensions`),
    periodMs: periodSeconds(stat.Period, `${where}.MetricStat.Period`) * 1000,
    stat: statName,
    unit: optionalString(stat, 'Unit'),
  };
}

function readDataToken(token: string, fingerprint: string, queryCount: number): DataCursor {
  const decoded = decodeToken(token);
  const cursor = asFieldsOrUndefined(decoded);
  const after = cursor?.after;
  if (
    cursor?.fingerprint !== fingerprint ||
    !Array.isArray(after) ||
    after.length !== queryCount ||
    !after.every((at) => at === null || typeof at === 'number')
  ) {
    throw new CloudWatchError('InvalidNextToken', 'The service couldn\u2019t process the NextToken: it belongs to a different request.');
  }
  return { fingerprint, after: after as (number | null)[] };
}

export function listMetrics(input: Fields, context: OperationContext): ListMetricsOutput {
  const namespace = optionalString(input, 'Namespace');
  const metricName = optionalString(input, 'MetricName');
  const filters = listOf(input.Dimensions, 'Dimensions').map((value, index) => {
    const fields = asFields(value, `Dimensions.member.${index + 1}`);
    return { name: requiredString(fields, 'Name', `Dimensions.member.${index + 1}.Name`), value: optionalString(fields, 'Value') };
  });
  if (filters.length > 10) throw invalidValue('The collection Dimensions must not have a size greater than 10.');
  const recentlyActive = optionalString(input, 'RecentlyActive');
  if (recentlyActive !== undefined && recentlyActive !== 'PT3H') {
    throw invalidValue(`The value ${recentlyActive} for parameter RecentlyActive is not valid. Valid values: PT3H.`);
  }
  const now = context.metrics.now();
  const matching = context.metrics.list(context.account, context.region).filter(
    (metric) =>
      (namespace === undefined || metric.namespace === namespace) &&
      (metricName === undefined || metric.metricName === metricName) &&
      filters.every((filter) => metric.dimensions.some((d) => d.Name === filter.name && (filter.value === undefined || d.Value === filter.value))) &&
      (recentlyActive === undefined || metric.lastMinute + MINUTE_MS >= now - RECENTLY_ACTIVE_MS),
  );

  const fingerprint = digest({ namespace, metricName, filters, recentlyActive });
  const token = optionalString(input, 'NextToken');
  let offset = 0;
  if (token !== undefined) {
    const cursor = asFieldsOrUndefined(decodeToken(token));
    const at = cursor?.offset;
    if (cursor?.fingerprint !== fingerprint || typeof at !== 'number' || !Number.isInteger(at) || at < 0) {
      throw new CloudWatchError('InvalidNextToken', 'The service couldn\u2019t process the NextToken: it belongs to a different request.');
    }
    offset = at;
  }
  const page = matching.slice(offset, offset + LIST_METRICS_PAGE_SIZE);
  const output: ListMetricsOutput = {
    Metrics: page.map((metric) => ({ Namespace: metric.namespace, MetricName: metric.metricName, Dimensions: metric.dimensions })),
  };
  if (offset + page.length < matching.length) output.NextToken = encodeToken({ fingerprint, offset: offset + page.length });
  return output;
}

// --- request fields -------------------------------------------------------------------------

/**
 * StartTime and EndTime. Equal times get AWS's own text, which GetMetricData answers as ValidationError
 * and GetMetricStatistics as InvalidParameterValue (both seen from AWS in clients' bug reports).
 */
function timeRange(input: Fields, operation: 'GetMetricData' | 'GetMetricStatistics'): { start: number; end: number } {
  const start = timestamp(input.StartTime, 'StartTime');
  const end = timestamp(input.EndTime, 'EndTime');
  if (start === end) {
    const equal = 'The parameter StartTime must not equal parameter EndTime.';
    throw operation === 'GetMetricData' ? new CloudWatchError('ValidationError', equal) : invalidValue(equal);
  }
  if (start > end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  return { start, end };
}

/**
 * Epoch milliseconds from what each protocol sends: JSON 1.0 epoch seconds (maybe fractional),
 * query ISO-8601 text (or epoch seconds as text), a Date from CBOR.
 */
export function timestamp(value: unknown, name: string): number {
  if (value === undefined || value === null || value === '') throw missingParameter(name);
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else if (typeof value === 'string') ms = Date.parse(value);
  else ms = Number.NaN;
  if (!Number.isFinite(ms)) throw invalidValue(`The parameter ${name} must be a timestamp (ISO 8601 UTC or epoch seconds); got ${wireValueText(value)}.`);
  return ms;
}

function periodSeconds(value: unknown, name: string): number {
  if (value === undefined) throw missingParameter(name);
  const period = positiveInteger(value, name);
  // The sandbox keeps one-minute data only, like AWS's regular-resolution metrics.
  if (period % 60 !== 0) throw invalidValue(`The parameter ${name} must be a multiple of 60.`);
  return period;
}

function positiveInteger(value: unknown, name: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw invalidValue(`The value ${wireValueText(value)} for parameter ${name} is not valid: it must be a positive integer.`);
  }
  return number;
}

function dimensions(value: unknown, where: string): Dimension[] {
  return listOf(value, where).map((entry, index) => {
    const fields = asFields(entry, `${where}.member.${index + 1}`);
    return {
      Name: requiredString(fields, 'Name', `${where}.member.${index + 1}.Name`),
      Value: requiredString(fields, 'Value', `${where}.member.${index + 1}.Value`),
    };
  });
}

function requiredString(fields: Fields, key: string, name = key): string {
  const value = fields[key];
  if (value === undefined || value === null || value === '') throw missingParameter(name);
  if (typeof value !== 'string') throw invalidValue(`The parameter ${name} must be a string.`);
  return value;
}

function optionalString(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(`The parameter ${key} must be a string.`);
  return value;
}

function missing(name: string): never {
  throw missingParameter(name);
}

function listOf(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value)) throw invalidValue(`The parameter ${name} must be a list.`);
  return value;
}

function asFields(value: unknown, where: string): Fields {
  const fields = asFieldsOrUndefined(value);
  if (!fields) throw invalidValue(`The parameter ${where} must be a structure.`);
  return fields;
}

function asFieldsOrUndefined(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Fields) : undefined;
}

// --- NextToken ------------------------------------------------------------------------------

/** Tokens name the request they continue (a digest of its fields) so a stray token is refused. */
function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeToken(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new CloudWatchError('InvalidNextToken', 'The service couldn\u2019t process the NextToken: it is not one this endpoint issued.');
  }
}
