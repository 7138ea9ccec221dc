/**
 * Requests shaped like SDK v3's (JSON 1.1, a SigV4 Authorization header naming the caller's key, the
 * SDK's headers), sent on keep-alive connections without the SDK: the benchmarks' load processes share
 * the machine with the sandbox they measure, so they spend as little CPU per call as they can while the
 * sandbox sees what a learner's SDK sends.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

/** The lab's default sandbox key: account 000000000000. */
export const DEFAULT_KEY = 'AKIAKINESISLAB000000';

export interface WireAnswer {
  status: number;
  body: string;
}

export type KinesisCall = (operation: string, key: string, input: unknown) => Promise<WireAnswer>;

/** Loopback only: a benchmark never sends its load to another machine. */
export function loopbackEndpoint(text: string | undefined): URL {
  if (!text) throw new Error('--endpoint is required');
  const endpoint = new URL(text);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(endpoint.hostname)) throw new Error(`${text} is not a loopback address: the load stays on this machine`);
  return endpoint;
}

function headers(operation: string, key: string, region: string, length: number): http.OutgoingHttpHeaders {
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  return {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': length,
    'x-amz-target': `Kinesis_20131202.${operation}`,
    'x-amz-user-agent': 'aws-sdk-js/3.1143.0',
    'user-agent': 'aws-sdk-js/3.1143.0 ua/2.1 os/linux#6 lang/js md/nodejs#20 api/kinesis#3.1143.0',
    'amz-sdk-invocation-id': randomUUID(),
    'amz-sdk-request': 'attempt=1; max=3',
    'x-amz-date': date,
    authorization: `AWS4-HMAC-SHA256 Credential=${key}/${date.slice(0, 8)}/${region}/kinesis/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-target;x-amz-user-agent, Signature=${'0'.repeat(64)}`,
  };
}

/** Kinesis calls to `endpoint` in `region`, signed (in shape) with the key given per call. */
export function kinesisCaller(endpoint: URL, region: string, maxSockets: number): KinesisCall {
  // FIFO hands out every free socket in turn, so none sits idle into the server's 5 s keep-alive timeout
  // while the loops are busy (LIFO would leave the ones the room mix freed to go stale).
  const agent = new http.Agent({ keepAlive: true, maxSockets, scheduling: 'fifo' });
  const send = (operation: string, key: string, body: string, retried: boolean): Promise<WireAnswer> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: endpoint.hostname, port: endpoint.port, method: 'POST', path: '/', agent, headers: headers(operation, key, region, Buffer.byteLength(body)) },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as idle just as it was reused (Node documents this race
        // with request.reusedSocket; on a saturated event loop the close is seen late): send once more on
        // a fresh one, as the SDK's retry would.
        if (!retried && error.code === 'ECONNRESET') resolve(send(operation, key, body, true));
        else reject(error);
      });
      request.end(body);
    });
  return (operation, key, input) => send(operation, key, JSON.stringify(input), false);
}

/** A taxi-trip record like the lab's producer sends (about 230 bytes of JSON), base64 as the wire carries it. */
export function taxiTrip(n: number): string {
  return Buffer.from(JSON.stringify({
    id: `id${n}`, vendorId: 1 + (n % 2), pickupDate: new Date().toISOString(), dropoffDate: new Date().toISOString(),
    passengerCount: 1 + (n % 4), pickupLongitude: -73.98 + (n % 100) / 1e4, pickupLatitude: 40.75, dropoffLongitude: -73.96,
    dropoffLatitude: 40.77, storeAndFwdFlag: 'N', gcDistance: 2.3, tripDuration: 600 + (n % 300), googleDistance: 2.5, googleDuration: 640,
  })).toString('base64');
}

/** The value at quantile `q` of sorted numbers (NaN when there are none). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
