import { describe, expect, it } from 'vitest';
import { awsClassArn, classNumberOf, decodeAwsClass, encodeAwsClass } from './aws-class-code.js';
import { checkCode } from '../shared/class-code.js';

describe('AWS class codes', () => {
  it.each([
    { account: '111122223333', region: 'ap-northeast-2', stream: 'kinesis-lab-class' },
    { account: '999999999999', region: 'us-gov-west-1', stream: 'kinesis-lab-class-255' },
    { account: '000000000001', region: 'af-south-1', stream: 'kinesis-lab-class-7' },
  ])('round-trips $account $region $stream in 12 characters', (at) => {
    const code = encodeAwsClass(at)!;
    expect(code).toHaveLength(12);
    expect(checkCode(code)).toEqual({ ok: true, code });
    expect(decodeAwsClass(code)).toEqual(at);
  });

  it('gives every class stream of one account and region its own code', () => {
    const codes = new Set<string>();
    for (let n = 0; n < 256; n++) codes.add(encodeAwsClass({ account: '111122223333', region: 'eu-west-1', stream: n === 0 ? 'kinesis-lab-class' : `kinesis-lab-class-${n}` })!);
    expect(codes.size).toBe(256);
    expect(encodeAwsClass({ account: '111122223334', region: 'eu-west-1', stream: 'kinesis-lab-class' })).not.toBe(encodeAwsClass({ account: '111122223333', region: 'eu-west-1', stream: 'kinesis-lab-class' }));
  });

  it('has no short code for other names or regions it does not know', () => {
    expect(classNumberOf('my-class')).toBeUndefined();
    expect(classNumberOf('kinesis-lab-class-0')).toBeUndefined();
    expect(classNumberOf('kinesis-lab-class-256')).toBeUndefined();
    expect(encodeAwsClass({ account: '111122223333', region: 'us-iso-east-1', stream: 'kinesis-lab-class' })).toBeUndefined();
  });

  it('builds the ARN in the region\'s partition', () => {
    expect(awsClassArn({ account: '111122223333', region: 'cn-north-1', stream: 'kinesis-lab-class' })).toBe('arn:aws-cn:kinesis:cn-north-1:111122223333:stream/kinesis-lab-class');
    expect(awsClassArn({ account: '111122223333', region: 'us-east-1', stream: 'kinesis-lab-class-2' })).toBe('arn:aws:kinesis:us-east-1:111122223333:stream/kinesis-lab-class-2');
  });
});
