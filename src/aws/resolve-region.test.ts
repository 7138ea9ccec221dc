import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveRegion } from './resolve-region.js';

let server: Server | undefined;
afterEach(() => server?.close());

/** A fake IMDSv2 on loopback: token first, then the region only with that token. */
async function fakeImds(region: string): Promise<string> {
  server = createServer((req, res) => {
    if (req.method === 'PUT' && req.url === '/latest/api/token' && req.headers['x-aws-ec2-metadata-token-ttl-seconds']) {
      res.end('tok-123');
    } else if (req.method === 'GET' && req.url === '/latest/meta-data/placement/region' && req.headers['x-aws-ec2-metadata-token'] === 'tok-123') {
      res.end(region);
    } else {
      res.statusCode = 401;
      res.end();
    }
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function configFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kl-aws-'));
  await writeFile(join(dir, 'config'), text);
  return join(dir, 'config');
}

const NO_FILE = '/nonexistent/kinesis-lab/config';

describe('resolveRegion', () => {
  it('follows flag, AWS_REGION, AWS_DEFAULT_REGION, profile in that order', async () => {
    const cfg = await configFile('[default]\nregion = eu-west-1\n[profile lab]\nregion=ap-southeast-1\n');
    const env = { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'ap-northeast-2', AWS_CONFIG_FILE: cfg, AWS_EC2_METADATA_DISABLED: 'true' };
    expect(await resolveRegion({ flag: 'ca-central-1', env, useInstanceMetadata: false })).toEqual({ region: 'ca-central-1', source: 'flag' });
    expect(await resolveRegion({ env, useInstanceMetadata: false })).toEqual({ region: 'us-west-2', source: 'AWS_REGION' });
    expect(await resolveRegion({ env: { ...env, AWS_REGION: '' }, useInstanceMetadata: false })).toEqual({ region: 'ap-northeast-2', source: 'AWS_DEFAULT_REGION' });
    expect(await resolveRegion({ env: { AWS_CONFIG_FILE: cfg }, useInstanceMetadata: false })).toEqual({ region: 'eu-west-1', source: 'profile' });
    expect(await resolveRegion({ profile: 'lab', env: { AWS_CONFIG_FILE: cfg }, useInstanceMetadata: false })).toEqual({ region: 'ap-southeast-1', source: 'profile' });
    expect(await resolveRegion({ env: { AWS_CONFIG_FILE: cfg, AWS_PROFILE: 'lab' }, useInstanceMetadata: false })).toEqual({ region: 'ap-southeast-1', source: 'profile' });
  });

  it('asks IMDSv2 (token, then placement/region) when nothing else knows, as on Cloud9', async () => {
    const endpoint = await fakeImds('ap-northeast-2');
    const env = { AWS_CONFIG_FILE: NO_FILE, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint };
    expect(await resolveRegion({ env, useInstanceMetadata: true })).toEqual({ region: 'ap-northeast-2', source: 'instance-metadata' });
  });

  it('does not ask instance metadata when disabled or not wanted, and returns undefined', async () => {
    const endpoint = await fakeImds('ap-northeast-2');
    expect(await resolveRegion({ env: { AWS_CONFIG_FILE: NO_FILE, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint, AWS_EC2_METADATA_DISABLED: 'true' }, useInstanceMetadata: true })).toBeUndefined();
    expect(await resolveRegion({ env: { AWS_CONFIG_FILE: NO_FILE, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint }, useInstanceMetadata: false })).toBeUndefined();
  });

  it('gives up quietly when instance metadata is unreachable', async () => {
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    const env = { AWS_CONFIG_FILE: NO_FILE, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9' };
    expect(await resolveRegion({ env, useInstanceMetadata: true, metadataTimeoutMs: 200 })).toBeUndefined();
  });
});
