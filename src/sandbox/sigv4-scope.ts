/**
 * Reads who a request is for from its SigV4 credential scope
 * (`Credential=AKID/20261122/us-east-1/kinesis/aws4_request`). The sandbox never checks
 * signatures; it only needs the region (streams are scoped by region, as on AWS) and the
 * signing service (to route to CloudWatch, Pipes …).
 */

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

// Region names become folder names under dataDir, so only AWS-shaped names are accepted.
const REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]+){1,4}$/;

export function isValidRegion(region: string): boolean {
  return region.length <= 32 && REGION_PATTERN.test(region);
}

/**
 * The credential scope of a request, from the Authorization header or the presigned-URL
 * `X-Amz-Credential` query parameter.
 */
export function readCredentialScope(headers: Record<string, string | string[] | undefined>, url: string): CredentialScope {
  const credential = credentialFromAuthorization(headerValue(headers, 'authorization')) ?? credentialFromQuery(url);
  if (credential) {
    // AKID/date/region/service/aws4_request; the key id itself may not contain '/'.
    const parts = credential.split('/');
    const region = parts[2];
    const service = parts[3];
    if (region !== undefined && service !== undefined) return { region, service, signed: true };
  }
  return { region: UNSIGNED_REGION, service: serviceFromTarget(headerValue(headers, 'x-amz-target')), signed: false };
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
