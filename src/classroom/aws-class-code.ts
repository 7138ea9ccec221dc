/**
 * A class on AWS as a 12-character code (class-code.ts): the 11 characters before the check are one
 * number, `(account × 64 + region) × 256 + class number`, so the learner's lab reads the class stream's
 * ARN from the code alone — no server to ask, and two classes of one account (different class
 * numbers, so different streams) never share a code. 10¹² accounts × 64 regions × 256 classes is
 * below 31¹¹.
 *
 * The class number names the stream: 0 is `kinesis-lab-class`, N is `kinesis-lab-class-N`. A class
 * stream of another name, or in a region this table lacks, has no short code (the long `KL1-` one is
 * printed instead).
 */
import { AWS_CODE_LENGTH, codeToNumber, numberToCode, withCheck } from '../shared/class-code.js';

/** Append-only: a code holds the index, so an entry never moves; new regions go at the end. */
const CODE_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2',
  'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1',
  'us-west-2', 'cn-north-1', 'cn-northwest-1', 'us-gov-east-1', 'us-gov-west-1',
];
const REGION_SLOTS = 64n;
const CLASS_SLOTS = 256n;
export const CLASS_STREAM_BASE = 'kinesis-lab-class';

export interface AwsClass {
  account: string;
  region: string;
  stream: string;
}

/** The class number a stream name stands for, or undefined when the name has none. */
export function classNumberOf(stream: string): number | undefined {
  if (stream === CLASS_STREAM_BASE) return 0;
  const match = /^kinesis-lab-class-([1-9]\d{0,2})$/.exec(stream);
  const n = match ? Number(match[1]) : undefined;
  return n !== undefined && BigInt(n) < CLASS_SLOTS ? n : undefined;
}

export function classStreamName(classNumber: number): string {
  return classNumber === 0 ? CLASS_STREAM_BASE : `${CLASS_STREAM_BASE}-${classNumber}`;
}

/** The short code of a class stream on AWS, or undefined when its name or region has none. */
export function encodeAwsClass(at: AwsClass): string | undefined {
  const region = CODE_REGIONS.indexOf(at.region);
  const classNumber = classNumberOf(at.stream);
  if (region < 0 || classNumber === undefined || !/^\d{12}$/.test(at.account)) return undefined;
  const value = (BigInt(at.account) * REGION_SLOTS + BigInt(region)) * CLASS_SLOTS + BigInt(classNumber);
  const payload = numberToCode(value, AWS_CODE_LENGTH - 1);
  return payload === undefined ? undefined : withCheck(payload);
}

/** What a well-formed 12-character code (check already verified) stands for; undefined if nothing. */
export function decodeAwsClass(code: string): AwsClass | undefined {
  if (code.length !== AWS_CODE_LENGTH) return undefined;
  const value = codeToNumber(code.slice(0, -1));
  const classNumber = Number(value % CLASS_SLOTS);
  const rest = value / CLASS_SLOTS;
  const region = CODE_REGIONS[Number(rest % REGION_SLOTS)];
  const account = rest / REGION_SLOTS;
  if (region === undefined || account >= 10n ** 12n) return undefined;
  return { account: account.toString().padStart(12, '0'), region, stream: classStreamName(classNumber) };
}

/** The class stream's ARN (the partition follows the region, as ARNs in China and GovCloud do). */
export function awsClassArn(at: AwsClass): string {
  const partition = at.region.startsWith('cn-') ? 'aws-cn' : at.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:kinesis:${at.region}:${at.account}:stream/${at.stream}`;
}
