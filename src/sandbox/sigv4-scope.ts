/**
 * Reads who a request is for from its SigV4 credential scope
 * (`Credential=AKID/20261122/us-east-1/kinesis/aws4_request`). The sandbox never checks
 * signatures; it needs the access key id (each key is an account of its own, sandbox-accounts.ts),
 * the region (streams are scoped by region, as on AWS) and the signing service (to route to
 * CloudWatch, Pipes …).
 */
import { AWS_REGION_PARTITIONS } from './aws-regions.js';

/** Region and signing service a request was signed for. */
export interface CredentialScope {
  region: string;
  service: string;
  /** False when the request carried no SigV4 credential (region then defaults to us-east-1). */
  signed: boolean;
}

/** Region AWS tools assume when nothing says otherwise; the sandbox uses it for unsigned requests. */
export const UNSIGNED_REGION = 'us-east-1';

// JSON-protocol target prefixes → signing names, so unsigned requests still reach the right service.
const TARGET_PREFIX_SERVICES: Record<string, string> = {
  Kinesis_20131202: 'kinesis',
  GraniteServiceVersion20100801: 'monitoring',
  Logs_20140328: 'logs',
  AWSEvents: 'events',
};

/** A region AWS has (botocore's list, aws-regions.ts): the sandbox refuses any other, as AWS does. */
export function isValidRegion(region: string): boolean {
  return Object.hasOwn(AWS_REGION_PARTITIONS, region);
}

/** The ARN partition of a region the sandbox serves (`aws` for unknown ones, which it refuses anyway). */
export function partitionOf(region: string): string {
  return AWS_REGION_PARTITIONS[region] ?? 'aws';
}

/** The scope and who signed it: the access key id, undefined when the request was not signed. */
export interface CallerScope extends CredentialScope {
  accessKeyId: string | undefined;
}

/**
 * The credential scope of a request, from the Authorization header or the presigned-URL
 * `X-Amz-Credential` query parameter.
 */
export function readCredentialScope(headers: Record<string, string | string[] | undefined>, url: string): CredentialScope {
  const { region, service, signed } = readCallerScope(headers, url);
  return { region, service, signed };
}

/** readCredentialScope plus the access key id. */
export function readCallerScope(headers: Record<string, string | string[] | undefined>, url: string): CallerScope {
  const credential = credentialFromAuthorization(headerValue(headers, 'authorization')) ?? credentialFromQuery(url);
  if (credential) {
    // AKID/date/region/service/aws4_request; the key id itself may not contain '/'.
    const parts = credential.split('/');
    const [accessKeyId, , region, service] = parts;
    if (accessKeyId !== undefined && region !== undefined && service !== undefined) return { accessKeyId, region, service, signed: true };
  }
  return { accessKeyId: undefined, region: UNSIGNED_REGION, service: serviceFromTarget(headerValue(headers, 'x-amz-target')), signed: false };
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function credentialFromAuthorization(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /Credential=([^,\s]+)/.exec(authorization);
  return match?.[1];
}

function credentialFromQuery(url: string): string | undefined {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return undefined;
  return new URLSearchParams(url.slice(queryStart + 1)).get('X-Amz-Credential') ?? undefined;
}

function serviceFromTarget(target: string | undefined): string {
  if (!target) return '';
  const prefix = target.split('.')[0] ?? '';
  return TARGET_PREFIX_SERVICES[prefix] ?? '';
}
