import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-args.js';
import { UsageError } from './usage-error.js';

const base = { sandbox: false, region: undefined, profile: undefined, endpointUrl: undefined, stream: undefined, lang: undefined, plain: false };

describe('parseCommand', () => {
  it('reads the interactive lab with every global option', () => {
    expect(parseCommand(['--sandbox', '--region', 'ap-northeast-2', '--stream', 'taxi', '--lang', 'ko', '--step', 'put-record'])).toEqual({
      name: 'lab',
      global: { ...base, sandbox: true, region: 'ap-northeast-2', stream: 'taxi', lang: 'ko' },
      step: 'put-record',
    });
  });

  it('reads check, solve and produce', () => {
    expect(parseCommand(['check', 'create-stream', 'put-record', '--json'])).toEqual({ name: 'check', global: base, steps: ['create-stream', 'put-record'], json: true });
    expect(parseCommand(['solve', 'put-records'])).toEqual({ name: 'solve', global: base, steps: ['put-records'], json: false });
    expect(parseCommand(['produce', '--api', 'put-records', '--count', '1000', '--batch-size', '250', '--endpoint-url', 'http://127.0.0.1:4567'])).toEqual({
      name: 'produce',
      global: { ...base, endpointUrl: 'http://127.0.0.1:4567' },
      json: false,
      api: 'put-records',
      count: '1000',
      duration: undefined,
      rate: undefined,
      batchSize: '250',
    });
  });

  it('reads --limits off for the sandbox', () => {
    expect(parseCommand(['sandbox', '--limits', 'off'])).toMatchObject({ name: 'sandbox', global: { ...base, limits: 'off' } });
    expect(parseCommand(['--sandbox', '--limits', 'aws'])).toMatchObject({ name: 'lab', global: { ...base, sandbox: true, limits: 'aws' } });
  });

  it('reads the stream shape for step 1', () => {
    expect(parseCommand(['solve', 'create-stream', '--on-demand'])).toMatchObject({ global: { onDemand: true } });
    expect(parseCommand(['--shards', '2'])).toMatchObject({ global: { shards: '2' } });
  });

  it('answers --help and --version everywhere', () => {
    expect(parseCommand(['--version'])).toEqual({ name: 'version' });
    expect(parseCommand(['check', '-v'])).toEqual({ name: 'version' });
    expect(parseCommand(['--help'])).toEqual({ name: 'help', topic: 'lab' });
    expect(parseCommand(['produce', '--help'])).toEqual({ name: 'help', topic: 'produce' });
    expect(parseCommand(['help', 'sandbox'])).toEqual({ name: 'help', topic: 'sandbox' });
  });

  it.each([
    [['--frobnicate'], 'unknown option --frobnicate for kinesis-lab (run kinesis-lab --help)'],
    [['check', '--count', '3'], 'unknown option --count for check (run kinesis-lab check --help)'],
    [['deploy'], 'unknown command "deploy" (commands: check, solve, produce, sandbox, doctor, reset, report, cleanup, class, help; run kinesis-lab --help)'],
    [['check', 'create_stream'], 'unknown step "create_stream" (steps: create-stream, put-record, put-records, metrics, pipe)'],
    [['--step', 'nope'], 'unknown step "nope" (steps: create-stream, put-record, put-records, metrics, pipe)'],
    [['solve'], 'solve needs at least one step id (create-stream, put-record, put-records, metrics, pipe)'],
    [['--lang', 'jp'], '--lang must be ko or en, not "jp"'],
    [['produce', '--api', 'kpl'], '--api must be put-record or put-records, not "kpl"'],
    [['produce', '--count', '5', '--duration', '5s'], 'use either --count or --duration, not both'],
    [['--region'], '--region needs a value'],
    [['--region', ''], '--region needs a value'],
    [['sandbox', 'extra'], 'unexpected argument "extra" for sandbox (run kinesis-lab --help)'],
  ])('rejects %j with one clear line', (argv, message) => {
    let caught: unknown;
    try {
      parseCommand(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).message).toBe(message);
  });

  it.each([
    [['--frobnicate'], 'kinesis-lab에 없는 옵션 --frobnicate (kinesis-lab --help 참고)'],
    [['deploy'], '알 수 없는 명령 "deploy"'],
    [['check', 'create_stream'], '알 수 없는 단계 "create_stream"'],
    [['--lang', 'jp'], '--lang은 ko 또는 en이어야 합니다("jp"는 안 됩니다)'],
    [['sandbox', '--limits', 'none'], '--limits는 off(AWS 한도 없이, 시연용) 또는 aws(기본값)여야 합니다("none"는 안 됩니다)'],
    [['produce', '--count', '5', '--duration', '5s'], '--count와 --duration 중 하나만 쓰세요'],
    [['--region'], '--region에 값이 필요합니다'],
  ])('says %j in Korean too', (argv, start) => {
    let caught: unknown;
    try {
      parseCommand(argv);
    } catch (error) {
      caught = error;
    }
    expect((caught as UsageError).in('ko').startsWith(start)).toBe(true);
  });
});
