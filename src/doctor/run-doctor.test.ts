import { describe, expect, it } from 'vitest';
import type { StreamSummary } from '../aws/kinesis-port.js';
import { diagnose } from '../diagnose/catalog.js';
import { runDoctor, type DoctorDeps } from './run-doctor.js';

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);

function awsError(name: string, message: string, status: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

function deps(overrides: Partial<DoctorDeps> = {}): DoctorDeps {
  return {
    nodeVersion: 'v22.11.0',
    region: 'ap-northeast-2',
    regionSource: 'AWS_REGION',
    endpoint: 'https://kinesis.ap-northeast-2.amazonaws.com',
    sandbox: false,
    stream: 'input-stream',
    identity: async () => ({ account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/Learner/alice', userId: 'AROAEXAMPLE:alice', serverDate: new Date(NOW - 2_000) }),
    listStreams: async () => ['input-stream'],
    describeStream: async () => ({ name: 'input-stream', status: 'ACTIVE' }) as StreamSummary,
    simulate: async (_arn, actions) => actions.map((action) => ({ action, allowed: true })),
    diagnose: (error, operation) => diagnose(error, { region: 'ap-northeast-2', stream: 'input-stream', sandbox: false, operation }),
    now: () => NOW,
    terminal: { isTTY: true, columns: 120, rows: 40, env: { LANG: 'ko_KR.UTF-8', TERM: 'xterm-256color' } },
    ...overrides,
  };
}

const statuses = (lines: Awaited<ReturnType<typeof runDoctor>>) => lines.map((l) => `${l.status} ${l.check}`);

describe('runDoctor', () => {
  it('all well on AWS: every line OK, account and ARN shown', async () => {
    const lines = await runDoctor(deps());
    expect(statuses(lines)).toEqual([
      'ok node', 'ok region', 'ok endpoint', 'ok credentials', 'ok clock', 'ok permission kinesis:ListStreams',
      'ok permission kinesis:DescribeStreamSummary', 'ok permissions', 'ok terminal-size', 'ok terminal-colour', 'ok terminal-utf8',
    ]);
    expect(lines[3]?.text.en).toBe('Credentials work: account 123456789012, arn:aws:sts::123456789012:assumed-role/Learner/alice');
    expect(lines[1]?.text.ko).toBe('리전 ap-northeast-2 (아시아 태평양(서울)), 출처: AWS_REGION');
    expect(lines[7]?.text.en).toBe('IAM simulator: all 11 lab actions allowed');
  });

  it('no region: one fix, and no call is made', async () => {
    const lines = await runDoctor(deps({ region: undefined, listStreams: async () => { throw new Error('must not be called'); } }));
    expect(statuses(lines).slice(0, 2)).toEqual(['ok node', 'fix region']);
    expect(lines[1]?.fix?.en).toBe('export AWS_REGION=ap-northeast-2 (or the region your instructor gave), then run again.');
  });

  it('expired credentials: the endpoint answered, credentials need a fix, permissions are not checked', async () => {
    const expired = awsError('ExpiredTokenException', 'The security token included in the request is expired', 400);
    const lines = await runDoctor(deps({ listStreams: async () => { throw expired; }, identity: async () => { throw expired; } }));
    expect(statuses(lines).slice(2, 6)).toEqual(['ok endpoint', 'fix credentials', 'unchecked clock', 'unchecked permissions']);
    expect(lines[3]?.fix?.en).toBeTruthy();
  });

  it('a missing permission: the fix names it; the simulator\'s denials become one IAM statement', async () => {
    const denied = awsError('AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/Learner/alice is not authorized to perform: kinesis:DescribeStreamSummary on resource: arn:aws:kinesis:ap-northeast-2:123456789012:stream/input-stream because no identity-based policy allows the kinesis:DescribeStreamSummary action', 400);
    const lines = await runDoctor(deps({
      describeStream: async () => { throw denied; },
      simulate: async (_arn, actions) => actions.map((action) => ({ action, allowed: !action.startsWith('pipes:') && action !== 'iam:PassRole' })),
    }));
    const describe = lines.find((l) => l.check === 'permission kinesis:DescribeStreamSummary');
    expect(describe?.status).toBe('fix');
    expect(describe?.fix?.en).toContain('kinesis:DescribeStreamSummary');
    const simulated = lines.find((l) => l.check === 'permissions');
    expect(simulated).toMatchObject({ status: 'fix', text: { en: 'IAM simulator: not allowed: pipes:CreatePipe, iam:PassRole' } });
    expect(simulated?.fix?.en).toBe('Ask your administrator to add this statement to your role or user: {"Effect":"Allow","Action":["pipes:CreatePipe","iam:PassRole"],"Resource":"*"}');
  });

  it('stream not created yet is fine; a simulator the learner may not use is "could not check", not a failure', async () => {
    const lines = await runDoctor(deps({
      describeStream: async () => { throw awsError('ResourceNotFoundException', 'Stream input-stream under account 123456789012 not found.', 400); },
      simulate: async () => { throw awsError('AccessDenied', 'not authorized to perform: iam:SimulatePrincipalPolicy', 403); },
    }));
    expect(lines.find((l) => l.check === 'permission kinesis:DescribeStreamSummary')?.status).toBe('ok');
    const simulated = lines.find((l) => l.check === 'permissions');
    expect(simulated?.status).toBe('unchecked');
    expect(simulated?.text.en).toContain('the IAM simulator said AccessDenied (checking needs iam:SimulatePrincipalPolicy)');
  });

  it('clock skew over 5 minutes, an old Node, a small non-UTF-8 terminal: each a fix', async () => {
    const lines = await runDoctor(deps({
      nodeVersion: 'v18.19.0',
      identity: async () => ({ account: '1', arn: 'arn:aws:iam::1:user/u', userId: 'AIDA', serverDate: new Date(NOW - 16 * 60_000) }),
      terminal: { isTTY: true, columns: 70, rows: 20, env: { LANG: 'C', TERM: 'xterm' } },
    }));
    expect(lines.filter((l) => l.status === 'fix').map((l) => l.check)).toEqual(['node', 'clock', 'terminal-size', 'terminal-utf8']);
    expect(lines.find((l) => l.check === 'clock')?.text.en).toBe('Clock is 960 s ahead of the server: AWS refuses signatures 15 minutes off');
  });

  it('an endpoint that does not answer stops the network checks with the endpoint named', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const lines = await runDoctor(deps({ endpoint: 'http://127.0.0.1:9', sandbox: true, listStreams: async () => { throw refused; } }));
    expect(statuses(lines)).toEqual(['ok node', 'ok region', 'fix endpoint', 'ok terminal-size', 'ok terminal-colour', 'ok terminal-utf8']);
    expect(lines[2]?.text.en.startsWith('Kinesis endpoint http://127.0.0.1:9 does not answer: ')).toBe(true);
  });
});
