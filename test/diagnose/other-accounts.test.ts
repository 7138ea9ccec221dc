/**
 * The sandbox-only look across accounts: a pipe the lab cannot find but another account of the
 * sandbox has is explained in one line with the key to export; without the look (real AWS, no
 * probe, a failing probe, an endpoint that is not a kinesis-lab sandbox) the diagnosis is as before.
 */
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxLocator } from '../../src/cli/sandbox-locator.js';
import type { StreamProbes } from '../../src/diagnose/catalog-entry.js';
import { diagnose } from '../../src/diagnose/catalog.js';
import type { DiagnosisContext } from '../../src/diagnose/diagnosis.js';
import { lookInOtherAccounts, type OtherAccountsProbe } from '../../src/diagnose/other-accounts.js';
import { publishValue } from '../../src/diagnose/redact-secrets.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { awsError, SANDBOX_CTX } from './aws-errors.js';

const PIPE_CTX: DiagnosisContext = {
  ...SANDBOX_CTX,
  operation: 'DescribePipe',
  labKey: { accessKeyId: 'AKIAKINESISLAB000000', secretAccessKey: 'kinesis-lab-sandbox-secret', account: '000000000000' },
};
const NO_STREAMS: StreamProbes = { findStreamInOtherRegions: async () => [], listStreamsHere: async () => [] };
const pipeMissing = () => awsError('NotFoundException', 'Pipe input-stream-pipe does not exist.', 404);

describe('a pipe in another account of the sandbox', () => {
  // As the CLI does at start (secret-sources.ts): the sandbox's dummy keys are printed on purpose.
  beforeAll(() => {
    publishValue(SANDBOX_CREDENTIALS.accessKeyId);
    publishValue(SANDBOX_CREDENTIALS.secretAccessKey);
  });

  it('says where it is and which key to export, in one line', async () => {
    const asked: string[] = [];
    const otherAccounts: OtherAccountsProbe = {
      find: async (kind, name) => {
        asked.push(`${kind} ${name}`);
        return [{ account: '482190348211', region: 'us-east-1', accessKeys: ['AKIA…MPLE'] }];
      },
    };
    const diagnosis = await diagnose(pipeMissing(), PIPE_CTX, { ...NO_STREAMS, otherAccounts });
    expect(asked).toEqual(['pipe input-stream-pipe']);
    expect(diagnosis.kind).toBe('pipe-not-found');
    expect(diagnosis.fix).toEqual({
      en: 'Pipe "input-stream-pipe" is on this sandbox in account 482190348211, us-east-1 (access key AKIA…MPLE), not in the lab\'s account 000000000000: your script signs with another access key. In its terminal run export AWS_ACCESS_KEY_ID=AKIAKINESISLAB000000 AWS_SECRET_ACCESS_KEY=kinesis-lab-sandbox-secret and run it again.',
      ko: '"input-stream-pipe" 파이프가 이 샌드박스의 계정 482190348211, us-east-1(액세스 키 AKIA…MPLE)에 있고, 실습 계정 000000000000에는 없습니다. 스크립트가 다른 액세스 키로 서명하고 있습니다. 스크립트를 실행하는 터미널에서 export AWS_ACCESS_KEY_ID=AKIAKINESISLAB000000 AWS_SECRET_ACCESS_KEY=kinesis-lab-sandbox-secret 명령을 실행한 뒤 스크립트를 다시 실행하세요.',
    });
  });

  it('never prints a learner\'s own key: on a room sandbox the lab signs with the key of its terminal', async () => {
    const ownKey = { accessKeyId: 'AKIAROOMLEARNER00042', account: '111122223333' };
    const otherAccounts: OtherAccountsProbe = { find: () => Promise.resolve([{ account: '482190348211', region: 'us-east-1', accessKeys: [] }]) };
    const diagnosis = await diagnose(pipeMissing(), { ...PIPE_CTX, labKey: ownKey }, { ...NO_STREAMS, otherAccounts });
    expect(diagnosis.fix.en).toBe('Pipe "input-stream-pipe" is on this sandbox in account 482190348211, us-east-1, not in the lab\'s account 111122223333: your script signs with another access key. Give it the same AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY as the lab\'s terminal and run it again.');
    expect(diagnosis.fix.ko).toBe('"input-stream-pipe" 파이프가 이 샌드박스의 계정 482190348211, us-east-1에 있고, 실습 계정 111122223333에는 없습니다. 스크립트가 다른 액세스 키로 서명하고 있습니다. 스크립트에 실습 터미널과 같은 AWS_ACCESS_KEY_ID와 AWS_SECRET_ACCESS_KEY를 주고 다시 실행하세요.');
  });

  it('keeps the usual diagnosis when no other account has it, or the look fails', async () => {
    const nowhere: OtherAccountsProbe = { find: async () => [] };
    const broken: OtherAccountsProbe = {
      find: async () => {
        throw new Error('connection refused');
      },
    };
    const usual = await diagnose(pipeMissing(), PIPE_CTX, NO_STREAMS);
    expect(usual.fix.en).toBe('Create it in step 5, or list your pipes to check the name and region: aws pipes list-pipes --region us-east-1');
    expect(await diagnose(pipeMissing(), PIPE_CTX, { ...NO_STREAMS, otherAccounts: nowhere })).toEqual(usual);
    expect(await diagnose(pipeMissing(), PIPE_CTX, { ...NO_STREAMS, otherAccounts: broken })).toEqual(usual);
    expect(await lookInOtherAccounts(broken, 'stream', 'input-stream')).toEqual([]);
  });
});

describe('sandboxLocator', () => {
  it('counts an endpoint that refuses or is not a kinesis-lab sandbox as "nowhere else"', async () => {
    const server = http.createServer((request, response) => {
      response.writeHead(request.url?.startsWith('/kinesis-lab/where?kind=stream&name=a&exclude=000000000000') ? 403 : 404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      expect(await sandboxLocator(`http://127.0.0.1:${port}`, '000000000000').find('stream', 'a')).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await sandboxLocator(`http://127.0.0.1:${port}`, '000000000000').find('stream', 'a')).toEqual([]);
  });
});
