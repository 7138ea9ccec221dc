import { describe, expect, it } from 'vitest';
import { encodeAwsClass } from './aws-class-code.js';
import { formatCode, withCheck } from '../shared/class-code.js';
import { encodeLongCode, readJoinCode } from './join-code.js';

const room = withCheck('K7QMR3X');
const aws = encodeAwsClass({ account: '111122223333', region: 'ap-northeast-2', stream: 'kinesis-lab-class' })!;
/** The code with its character at `i` replaced by another. */
const otherAt = (code: string, i: number) => code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
const legacy = (body: object) => `KL1-${Buffer.from(JSON.stringify(body)).toString('base64url')}`;

describe('readJoinCode', () => {
  it.each([
    [`192.168.1.20:4567/${formatCode(room)}`, 'http://192.168.1.20:4567'],
    [`http://192.168.1.20:4567/${room.toLowerCase()}`, 'http://192.168.1.20:4567'],
    [`HTTPS://room.example:443/${formatCode(room)}`, 'https://room.example'],
    [`10.0.0.5:80/${room}`, 'http://10.0.0.5'],
  ])('reads a room address and code: %s', (text, endpoint) => {
    expect(readJoinCode(text)).toEqual({ ok: true, value: { kind: 'room', code: room, endpoint } });
  });

  it('reads a room code alone (the endpoint comes from --endpoint-url or the environment)', () => {
    expect(readJoinCode(formatCode(room))).toEqual({ ok: true, value: { kind: 'room', code: room } });
  });

  it('reads an AWS code into the class stream ARN', () => {
    expect(readJoinCode(formatCode(aws))).toEqual({
      ok: true,
      value: { kind: 'located', code: aws, location: { stream: 'kinesis-lab-class', region: 'ap-northeast-2', arn: 'arn:aws:kinesis:ap-northeast-2:111122223333:stream/kinesis-lab-class' } },
    });
  });

  it('keeps long codes for AWS readable', () => {
    const location = { stream: 'my-class', region: 'eu-west-1', arn: 'arn:aws:kinesis:eu-west-1:111122223333:stream/my-class' };
    const code = encodeLongCode(location);
    expect(readJoinCode(`  ${code}\n`)).toEqual({ ok: true, value: { kind: 'located', code, location } });
  });

  it.each([
    [otherAt(room, 7), 'check'],
    ['K7QM-R30P', 'look-alike'],
    ['K7QM', 'length'],
    [otherAt(aws, 0), 'check'],
    [withCheck('ZZZZZZZZZZZ'), 'no-class'],
    [`192.168.1.20:4567/${aws}`, 'address'],
    [`user:pw@192.168.1.20:4567/${room}`, 'address'],
    [`192.168.1.20:4567/x/${room}`, 'address'],
    [legacy({ s: 'kinesis-lab-class', r: 'us-east-1', e: 'http://192.168.0.12:4567' }), 'legacy-room'],
    ['KL1-%%%', 'legacy-damaged'],
    [legacy({ s: 'bad name!', r: 'us-east-1' }), 'legacy-damaged'],
  ] as const)('refuses %s: %s', (text, problem) => {
    expect(readJoinCode(text)).toEqual({ ok: false, problem });
  });
});
