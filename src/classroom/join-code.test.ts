import { describe, expect, it } from 'vitest';
import { decodeJoinCode, encodeJoinCode } from './join-code.js';

describe('join code', () => {
  it('round-trips a real-AWS class (ARN, no endpoint) and a room sandbox (endpoint, no ARN)', () => {
    const aws = { stream: 'kinesis-lab-class', region: 'ap-northeast-2', arn: 'arn:aws:kinesis:ap-northeast-2:111122223333:stream/kinesis-lab-class' };
    const room = { stream: 'kinesis-lab-class', region: 'us-east-1', endpoint: 'http://192.168.0.12:4567' };
    expect(decodeJoinCode(encodeJoinCode(aws))).toEqual({ ok: true, value: aws });
    expect(decodeJoinCode(encodeJoinCode(room))).toEqual({ ok: true, value: room });
  });

  it('is short enough to type from a projector and uses only URL-safe characters', () => {
    const code = encodeJoinCode({ stream: 'kinesis-lab-class', region: 'us-east-1', endpoint: 'http://192.168.0.12:4567' });
    expect(code).toMatch(/^KL1-[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThanOrEqual(110);
  });

  it('accepts surrounding spaces from a copy and paste', () => {
    const code = encodeJoinCode({ stream: 's', region: 'us-east-1' });
    expect(decodeJoinCode(`  ${code}\n`)).toEqual({ ok: true, value: { stream: 's', region: 'us-east-1' } });
  });

  it.each([
    ['hello', 'it does not start with KL1-'],
    ['KL1-%%%', 'it is cut off or mistyped'],
    [encodeJoinCode({ stream: 's', region: 'us-east-1' }).slice(0, 12), 'it is cut off or mistyped'],
    [`KL1-${Buffer.from(JSON.stringify({ s: 'bad name!', r: 'us-east-1' })).toString('base64url')}`, 'it is cut off or mistyped'],
    [`KL1-${Buffer.from(JSON.stringify({ s: 's', r: 'us-east-1', e: 'ftp://x' })).toString('base64url')}`, 'its endpoint is not a URL'],
  ])('rejects %s: %s', (code, why) => {
    const decoded = decodeJoinCode(code);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.message.en).toContain(`(${why})`);
      expect(decoded.message.ko).toMatch(/[가-힣]/);
    }
  });
});
