import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-args.js';
import { UsageError } from './usage-error.js';

describe('parseCommand: reset, report, cleanup, class', () => {
  it('reads reset with and without a step', () => {
    expect(parseCommand(['reset', '--yes'])).toMatchObject({ name: 'reset', step: undefined, yes: true });
    expect(parseCommand(['reset', 'put-record', '-y', '--sandbox'])).toMatchObject({ name: 'reset', step: 'put-record', yes: true, global: { sandbox: true } });
    expect(parseCommand(['reset'])).toMatchObject({ name: 'reset', yes: false });
  });

  it('reads report and cleanup', () => {
    expect(parseCommand(['report', '--json'])).toMatchObject({ name: 'report', json: true });
    expect(parseCommand(['cleanup', '--dry-run'])).toMatchObject({ name: 'cleanup', dryRun: true, yes: false });
    expect(parseCommand(['cleanup', '--yes', '--region', 'ap-northeast-2'])).toMatchObject({ name: 'cleanup', dryRun: false, yes: true, global: { region: 'ap-northeast-2' } });
  });

  it('reads class create and class board, with the code as argument or --class', () => {
    expect(parseCommand(['class', 'create', '--org', 'o-abc123def4', '--class-stream', 'room-7'])).toMatchObject({ name: 'class', action: 'create', org: 'o-abc123def4', classStream: 'room-7', once: false });
    expect(parseCommand(['class', 'board', 'KL1-abc', '--once'])).toMatchObject({ name: 'class', action: 'board', code: 'KL1-abc', once: true });
    expect(parseCommand(['class', 'board', '--class', 'KL1-xyz'])).toMatchObject({ name: 'class', action: 'board', code: 'KL1-xyz' });
    expect(parseCommand(['class', 'delete', 'KL1-xyz', '--yes'])).toMatchObject({ name: 'class', action: 'delete', code: 'KL1-xyz', yes: true });
  });

  it('reads --class and --name on the lab and on solve', () => {
    expect(parseCommand(['--class', 'KL1-abc', '--name', 'Mina Kim'])).toMatchObject({ name: 'lab', global: { classCode: 'KL1-abc', displayName: 'Mina Kim' } });
    expect(parseCommand(['solve', 'create-stream', '--class', 'KL1-abc', '--name', '민아'])).toMatchObject({ name: 'solve', global: { classCode: 'KL1-abc', displayName: '민아' } });
  });

  it.each([
    [['reset', 'nope'], 'unknown step "nope" (steps: create-stream, put-record, put-records, metrics, pipe)'],
    [['reset', 'put-record', 'pipe'], 'reset takes at most one step id, not "pipe"'],
    [['report', 'x'], 'unexpected argument "x" for report (run kinesis-lab --help)'],
    [['cleanup', '--force'], 'unknown option --force for cleanup (run kinesis-lab cleanup --help)'],
    [['class'], 'class needs create, board or delete (run kinesis-lab class --help)'],
    [['class', 'remove'], 'class needs create, board or delete, not "remove" (run kinesis-lab class --help)'],
    [['class', 'create', 'KL1-x'], 'unexpected argument "KL1-x" for class create (run kinesis-lab class --help)'],
    [['--class', ''], '--class needs a value'],
  ])('rejects %j with one clear line', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
