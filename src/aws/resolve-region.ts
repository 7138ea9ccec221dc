import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RegionSource } from '../shared/region-source.js';

export interface ResolvedRegion {
  region: string;
  source: RegionSource;
}

export interface RegionLookup {
  flag?: string;
  profile?: string;
  env: NodeJS.ProcessEnv;
  /** Ask EC2 instance metadata (Cloud9); off for the sandbox. */
  useInstanceMetadata: boolean;
  /** Milliseconds to wait for instance metadata before giving up. @default 1000 */
  metadataTimeoutMs?: number;
}

/**
 * The region in the order the lab documents: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION` (CloudShell
 * sets only this one, and SDK v3 ignores it), the profile's `region`, then IMDSv2 (Cloud9/EC2, which
 * older SDK v3 versions never ask). Undefined when nothing knows: the caller asks the learner.
 */
export async function resolveRegion(lookup: RegionLookup): Promise<ResolvedRegion | undefined> {
  const { env } = lookup;
  if (lookup.flag) return { region: lookup.flag, source: 'flag' };
  if (env.AWS_REGION) return { region: env.AWS_REGION, source: 'AWS_REGION' };
  if (env.AWS_DEFAULT_REGION) return { region: env.AWS_DEFAULT_REGION, source: 'AWS_DEFAULT_REGION' };
  const fromProfile = await profileRegion(lookup.profile ?? env.AWS_PROFILE ?? 'default', env);
  if (fromProfile) return { region: fromProfile, source: 'profile' };
  if (lookup.useInstanceMetadata && env.AWS_EC2_METADATA_DISABLED?.toLowerCase() !== 'true') {
    const fromImds = await instanceMetadataRegion(env.AWS_EC2_METADATA_SERVICE_ENDPOINT ?? 'http://169.254.169.254', lookup.metadataTimeoutMs ?? 1000);
    if (fromImds) return { region: fromImds, source: 'instance-metadata' };
  }
  return undefined;
}

/** Reads `region` for a profile from the shared config file (`[default]` or `[profile NAME]`). */
export async function profileRegion(profile: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const path = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      inSection = wanted.includes(section[1]!.replace(/\s+/g, ' '));
      continue;
    }
    const pair = /^region\s*=\s*(\S+)$/.exec(line);
    if (inSection && pair) return pair[1];
  }
  return undefined;
}

/** IMDSv2: a PUT for a session token, then the placement region. Any failure means "unknown". */
export async function instanceMetadataRegion(endpoint: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const base = endpoint.replace(/\/+$/, '');
    const token = await httpText('PUT', `${base}/latest/api/token`, { 'x-aws-ec2-metadata-token-ttl-seconds': '60' }, timeoutMs);
    if (!token) return undefined;
    const region = await httpText('GET', `${base}/latest/meta-data/placement/region`, { 'x-aws-ec2-metadata-token': token }, timeoutMs);
    return region && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region.trim()) ? region.trim() : undefined;
  } catch {
    return undefined;
  }
}

function httpText(method: string, url: string, headers: Record<string, string>, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 ? body : undefined));
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}
