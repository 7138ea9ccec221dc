/**
 * What the embedded sandbox says about its data folder reaches every output, in the learner's
 * language: plain lines and `{"notice":…}` JSON lines on stderr, the full-screen lab's notices; and
 * a data folder it cannot use stops the command with SandboxDataError's text in that language.
 * Through main() in process, with a real config folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenInfo } from '../../src/cli/commands/lab-command.js';
import { openLabSession } from '../../src/cli/lab-session.js';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

function capture(): Output & { out: (line: string) => void; lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (line) => void lines.out.push(line), err: (line) => void lines.err.push(line) };
}

describe('sandbox notices and data-folder errors in every output', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kl-notices-'));
    env = { KINESIS_LAB_HOME: home, LANG: 'C.UTF-8', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/k' };
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('says a data folder from the kinesalite era is not read: plain, --json, Korean and on the lab screen', async () => {
    const data = join(home, 'sandbox-data');
    await mkdir(join(data, 'us-east-1', 'kinesalite'), { recursive: true });
    await mkdir(join(data, 'ap-northeast-2'), { recursive: true });
    await writeFile(join(data, 'ap-northeast-2', 'stream-settings.json'), '{"formatVersion":1,"streams":{}}');
    const en = `${data} holds data from an older kinesis-lab (kinesalite region folders: ap-northeast-2, us-east-1); this sandbox does not read it and starts without those streams. Delete those folders when you no longer need them.`;
    const ko = `${data}에 이전 kinesis-lab의 데이터(kinesalite 리전 폴더: ap-northeast-2, us-east-1)가 있습니다. 이 샌드박스는 그 데이터를 읽지 않으므로 그 스트림 없이 시작합니다. 필요 없으면 그 폴더들을 지우세요.`;

    const plain = capture();
    expect(await main(['check', 'create-stream', '--sandbox'], env, [], plain)).toBe(1);
    expect(plain.lines.err).toEqual([en]);
    expect(plain.lines.out[0]).toBe('FAIL create-stream: There is no stream named "input-stream" in region us-east-1 of the sandbox.');

    const json = capture();
    await main(['check', 'create-stream', '--sandbox', '--json'], env, [], json);
    expect(json.lines.err).toEqual([JSON.stringify({ notice: en })]);
    expect(JSON.parse(json.lines.out[0]!)).toMatchObject({ step: 'create-stream', ok: false });

    const korean = capture();
    await main(['check', 'create-stream', '--sandbox', '--lang', 'ko'], env, [], korean);
    expect(korean.lines.err).toEqual([ko]);

    const session = await openLabSession({ sandbox: true, plain: false, onDemand: false }, { env });
    try {
      expect(screenInfo(session).notices).toEqual([en]);
    } finally {
      await session.close();
    }
  });

  it('stops with the data folder problem in the learner\'s language, not a stack trace', async () => {
    const file = join(home, 'not-a-folder');
    await writeFile(file, 'x');
    const sandbox = capture();
    expect(await main(['sandbox', '--data-dir', file, '--lang', 'ko'], env, [], sandbox)).toBe(1);
    expect(sandbox.lines.err).toEqual([`kinesis-lab: 샌드박스 데이터 폴더로 지정한 경로(${file})는 폴더가 아니라 파일입니다. --data-dir에는 폴더를 지정하세요(없으면 만들어집니다).`]);

    // The embedded sandbox's folder under the config folder, made a file by accident.
    await writeFile(join(home, 'sandbox-data'), 'x');
    const embedded = capture();
    expect(await main(['check', 'create-stream', '--sandbox'], { ...env, LANG: 'ko_KR.UTF-8' }, [], embedded)).toBe(1);
    expect(embedded.lines.err).toEqual([`kinesis-lab: 샌드박스 데이터 폴더로 지정한 경로(${join(home, 'sandbox-data')})는 폴더가 아니라 파일입니다. --data-dir에는 폴더를 지정하세요(없으면 만들어집니다).`]);
  });
});
