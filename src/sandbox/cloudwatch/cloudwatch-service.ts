/**
 * CloudWatch on the sandbox endpoint, in the three wire protocols its clients use:
 * - AWS JSON 1.0 (`x-amz-target: GraniteServiceVersion20100801.<Op>`): SDK v3 as installed here,
 *   and pip's AWS CLI 1.45 / botocore 1.43. Timestamps are epoch seconds.
 * - query (`Action=<Op>&Version=2010-08-01`, form-encoded) with XML answers: Debian's AWS CLI 2.9
 *   and boto3. Timestamps are ISO-8601.
 * - Smithy RPC v2 CBOR (`POST /service/GraniteServiceVersion20100801/operation/<Op>`), which
 *   CloudWatch's model lists first, so SDKs that switch to it keep working.
 * It serves GetMetricData, GetMetricStatistics and ListMetrics from the Kinesis calls the sandbox
 * forwarded; any other action gets CloudWatch's error shape, never a crash.
 */
import { randomUUID } from 'node:crypto';
import { decodeBody, encodeBody } from '../kinesis-body-codec.js';
import { accountOf } from '../sandbox-accounts.js';
import type { LocatableKind, LocatedResource, Sandbox, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { CloudWatchError, unsupportedAction } from './cloudwatch-error.js';
import { getMetricData, getMetricStatistics, listMetrics, type OperationContext } from './cloudwatch-operations.js';
import { KinesisMetricRecorder } from './kinesis-metric-recorder.js';
import { metricsSection } from './metrics-section.js';
import { decodeQueryForm, queryErrorResponse, queryResponse, readQueryRequest, type XmlValue } from '../query/query-codec.js';
import { VisibleMetrics } from './visible-metrics.js';

export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801.';
export const CLOUDWATCH_XML_NAMESPACE = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
export const CLOUDWATCH_API_VERSION = '2010-08-01';
export const CLOUDWATCH_CBOR_PATH_PREFIX = '/service/GraniteServiceVersion20100801/operation/';
const SHAPE_NAMESPACE = 'com.amazonaws.cloudwatch#';

/**
 * How long after a minute ends its metrics become visible, unless `--metrics-delay` says otherwise.
 * Waiting for the minute to close already costs up to 60 s; 10 s more shows that CloudWatch lags
 * without turning step 4 into a wait. (AWS's console graphs typically lag several minutes.)
 */
export const DEFAULT_METRICS_DELAY_MS = 10_000;

type Operation = (input: Record<string, unknown>, context: OperationContext) => object;

const OPERATIONS: Record<string, Operation> = {
  GetMetricData: getMetricData,
  GetMetricStatistics: getMetricStatistics,
  ListMetrics: listMetrics,
};

type Protocol = 'json' | 'query' | 'cbor';

export class CloudWatchService implements SandboxService {
  readonly name = 'CloudWatch';
  readonly #metrics: VisibleMetrics;

  constructor(metrics: VisibleMetrics) {
    this.#metrics = metrics;
  }

  claims(request: SandboxRequest): boolean {
    if (request.service === 'monitoring') return true;
    if ((request.headers['x-amz-target'] ?? '').startsWith(CLOUDWATCH_TARGET_PREFIX)) return true;
    if (pathOf(request.url).startsWith(CLOUDWATCH_CBOR_PATH_PREFIX)) return true;
    // Unsigned query requests carry no service name; their Version names CloudWatch's API.
    if (!isForm(request)) return false;
    const form = decodeQueryForm(request.body.toString('utf8'));
    return form.action !== undefined && form.version === CLOUDWATCH_API_VERSION;
  }

  handle(request: SandboxRequest): Promise<SandboxResponse> {
    // Synchronous work behind the router's asynchronous contract; a throw still rejects.
    return new Promise((resolve) => resolve(this.#answer(request)));
  }

  #answer(request: SandboxRequest): SandboxResponse {
    const requestId = randomUUID();
    const protocol = protocolOf(request);
    let action = 'unknown';
    try {
      const { action: named, input } = readRequest(request, protocol);
      action = named;
      const operation = OPERATIONS[action];
      if (!operation) throw unsupportedAction(action);
      const output = operation(input, { account: accountOf(request), region: request.region, metrics: this.#metrics });
      return success(protocol, action, output, requestId);
    } catch (error) {
      const cloudWatchError =
        error instanceof CloudWatchError
          ? error
          : new CloudWatchError('InternalServiceFault', `The sandbox's CloudWatch failed on ${action}: ${error instanceof Error ? error.message : String(error)}`);
      return failure(protocol, cloudWatchError, requestId);
    }
  }

  /** Accounts and regions where CloudWatch counted records coming into a stream of this name. */
  locate(kind: LocatableKind, name: string): LocatedResource[] {
    if (kind !== 'metrics') return [];
    const found: LocatedResource[] = [];
    for (const metric of this.#metrics.recorder.all()) {
      if (metric.metricName !== 'IncomingRecords' || metric.streamName !== name) continue;
      const records = [...metric.minutes.values()].reduce((total, minute) => total + minute.sum, 0);
      if (records > 0) found.push({ account: metric.account, region: metric.region, records });
    }
    return found;
  }
}

/** What attachCloudWatch gives back: the recorder and service it wired, and a way to unwire. */
export interface CloudWatchHandle {
  recorder: KinesisMetricRecorder;
  metrics: VisibleMetrics;
  service: CloudWatchService;
  /** Stops recording further Kinesis calls; the mounted service keeps answering. */
  detach(): void;
}

export interface AttachCloudWatchOptions {
  /** Milliseconds after a minute ends before its data shows. @default DEFAULT_METRICS_DELAY_MS */
  delayMs?: number;
  /** Clock deciding visibility; tests inject a fake. Use the sandbox's clock. @default Date.now */
  clock?: () => number;
}

/**
 * Records every Kinesis call the sandbox forwards and serves CloudWatch on its endpoint. The
 * datapoints are kept with the sandbox's data (journaled per call), so they outlive a restart.
 */
export function attachCloudWatch(sandbox: Sandbox, options: AttachCloudWatchOptions = {}): CloudWatchHandle {
  const recorder = new KinesisMetricRecorder();
  const log = sandbox.keep(metricsSection(recorder));
  recorder.commitThrough((samples) => log.record(samples));
  const metrics = new VisibleMetrics(recorder, {
    delayMs: options.delayMs ?? DEFAULT_METRICS_DELAY_MS,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const service = new CloudWatchService(metrics);
  const detach = sandbox.onKinesisCall((event) => recorder.record(event));
  sandbox.mount(service);
  return { recorder, metrics, service, detach };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function isForm(request: SandboxRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' || (type === '' && request.body.length > 0);
}

function protocolOf(request: SandboxRequest): Protocol {
  if (pathOf(request.url).startsWith(CLOUDWATCH_CBOR_PATH_PREFIX)) return 'cbor';
  if (request.headers['x-amz-target'] !== undefined) return 'json';
  return 'query';
}

function readRequest(request: SandboxRequest, protocol: Protocol): { action: string; input: Record<string, unknown> } {
  switch (protocol) {
    case 'json': {
      const target = request.headers['x-amz-target'] ?? '';
      const action = target.startsWith(CLOUDWATCH_TARGET_PREFIX) ? target.slice(CLOUDWATCH_TARGET_PREFIX.length) : target;
      return { action, input: decodeBody(request.body, 'json') ?? {} };
    }
    case 'cbor': {
      const action = pathOf(request.url).slice(CLOUDWATCH_CBOR_PATH_PREFIX.length);
      return { action, input: decodeBody(request.body, 'cbor') ?? {} };
    }
    case 'query': {
      // The query protocol also allows GET with the parameters in the URL.
      const decoded = readQueryRequest(request);
      if (decoded.version !== undefined && decoded.version !== CLOUDWATCH_API_VERSION) throw unsupportedAction(`${decoded.action ?? ''} (Version ${decoded.version})`);
      return { action: decoded.action ?? '(no Action)', input: decoded.params };
    }
  }
}

function success(protocol: Protocol, action: string, output: object, requestId: string): SandboxResponse {
  switch (protocol) {
    case 'json':
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId },
        body: JSON.stringify(withEpochSeconds(output)),
      };
    case 'cbor':
      return {
        status: 200,
        headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-requestid': requestId },
        // node-cbor writes Dates as tag 1 (epoch seconds), which is how RPC v2 CBOR carries timestamps.
        body: encodeBody(output, 'cbor'),
      };
    case 'query':
      return queryResponse(CLOUDWATCH_XML_NAMESPACE, action, output as Record<string, XmlValue>, requestId);
  }
}

function failure(protocol: Protocol, error: CloudWatchError, requestId: string): SandboxResponse {
  const headers = { 'x-amzn-requestid': requestId, 'x-amzn-query-error': `${error.code};${error.fault}` };
  const body = { __type: `${SHAPE_NAMESPACE}${error.shape}`, message: error.message };
  switch (protocol) {
    case 'json':
      return { status: error.status, headers: { ...headers, 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(body) };
    case 'cbor':
      return {
        status: error.status,
        headers: { ...headers, 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' },
        body: encodeBody(body, 'cbor'),
      };
    case 'query':
      return queryErrorResponse(CLOUDWATCH_XML_NAMESPACE, { status: error.status, type: error.fault, code: error.code, message: error.message }, requestId);
  }
}

/** JSON 1.0 carries timestamps as epoch seconds. */
function withEpochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(withEpochSeconds);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withEpochSeconds(inner)]));
  }
  return value;
}
