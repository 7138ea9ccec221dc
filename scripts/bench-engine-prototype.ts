/**
 * Option (d) of docs/kinesis-engine.md as it stood before the engine was built: the smallest
 * in-process Kinesis PutRecord path, to measure what an engine of our own costs per call before
 * writing it. It answers CreateStream, DescribeStreamSummary and PutRecord (JSON 1.1) only, with
 * the work the real path must do: read the SigV4 scope, parse and check the body, MD5 the partition
 * key to pick the shard, mint a 56-digit sequence number and keep the record. Not the sandbox.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Shard {
  id: string;
  index: number;
  startHex: string;
  endHex: string;
  createdMs: number;
  counter: number;
  lastMs: number;
  records: { seq: string; data: string; key: string; at: number }[];
}

interface Stream { name: string; arn: string; status: 'CREATING' | 'ACTIVE'; shards: Shard[]; createdMs: number }

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
const HASH_SPACE = 1n << 128n;

export function startPrototype(port = 0): Promise<http.Server> {
  const regions = new Map<string, Map<string, Stream>>();

  function streamsOf(region: string): Map<string, Stream> {
    let streams = regions.get(region);
    if (!streams) regions.set(region, (streams = new Map<string, Stream>()));
    return streams;
  }

  function answer(req: IncomingMessage, body: Buffer): [number, unknown] {
    const region = /Credential=[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? 'us-east-1';
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1];
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return [400, { __type: 'SerializationException' }];
    }
    const name = input.StreamName;
    if (typeof name !== 'string' || !STREAM_NAME.test(name)) {
      return [400, { __type: 'ValidationException', message: `1 validation error detected: Value '${String(name)}' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+` }];
    }
    const streams = streamsOf(region);
    const stream = streams.get(name);
    if (operation === 'CreateStream') {
      if (stream) return [400, { __type: 'ResourceInUseException', message: `Stream ${name} under account 000000000000 already exists.` }];
      streams.set(name, createStream(region, name, Number(input.ShardCount ?? 1)));
      return [200, {}];
    }
    if (!stream) return [400, { __type: 'ResourceNotFoundException', message: `Stream ${name} under account 000000000000 not found.` }];
    if (operation === 'DescribeStreamSummary') {
      return [200, { StreamDescriptionSummary: { StreamName: name, StreamARN: stream.arn, StreamStatus: stream.status, OpenShardCount: stream.shards.length } }];
    }
    if (operation !== 'PutRecord') return [400, { __type: 'UnknownOperationException' }];
    const data = input.Data;
    const key = input.PartitionKey;
    if (typeof data !== 'string' || typeof key !== 'string' || key.length < 1 || key.length > 256) return [400, { __type: 'ValidationException' }];
    if (base64Length(data) > 1_048_576) return [400, { __type: 'ValidationException' }];
    const hash = createHash('md5').update(key, 'utf8').digest('hex');
    const shard = stream.shards.find((s) => hash >= s.startHex && hash <= s.endHex) ?? stream.shards[0];
    if (!shard) return [500, { __type: 'InternalFailure' }];
    const now = Math.max(Date.now(), shard.lastMs);
    shard.lastMs = now;
    shard.counter += 1;
    const seq = `4959${pad(shard.index, 8)}${pad(shard.createdMs, 13)}${pad(now, 13)}${pad(shard.counter, 18)}`;
    shard.records.push({ seq, data, key, at: now });
    return [200, { ShardId: shard.id, SequenceNumber: seq, EncryptionType: 'NONE' }];
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const [status, value] = answer(req, Buffer.concat(chunks));
      const text = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  }

  const server = http.createServer({ keepAliveTimeout: 60_000 }, onRequest);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function createStream(region: string, name: string, shardCount: number): Stream {
  const createdMs = Date.now();
  const width = HASH_SPACE / BigInt(shardCount);
  const shards: Shard[] = [];
  for (let index = 0; index < shardCount; index++) {
    const start = width * BigInt(index);
    const end = index === shardCount - 1 ? HASH_SPACE - 1n : width * BigInt(index + 1) - 1n;
    shards.push({
      id: `shardId-${pad(index, 12)}`, index, createdMs, counter: 0, lastMs: createdMs, records: [],
      startHex: start.toString(16).padStart(32, '0'), endHex: end.toString(16).padStart(32, '0'),
    });
  }
  return { name, arn: `arn:aws:kinesis:${region}:000000000000:stream/${name}`, status: 'ACTIVE', shards, createdMs };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}
