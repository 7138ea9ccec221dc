/**
 * The config folder and the progress file in the wrong shape: a file where the folder should be, a
 * folder where the file should be, and a progress "file" of 300 MB of garbage. Each gets one line that
 * names the path and says what to do, in both languages, and nothing is read that need not be.
 */
import { mkdir, mkdtemp, open, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { LANG: 'C.UTF-8', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/c', ...env }, [], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('a config folder or progress file of the wrong kind', () => {
  it('KINESIS_LAB_HOME naming a file: exit 2, the path, and what to do (every command that uses the folder)', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kl-home-')), 'not-a-folder');
    await writeFile(file, 'x');
    for (const argv of [['check', '--sandbox'], ['report'], ['reset', '--yes'], ['doctor', '--sandbox'], ['produce', '--sandbox', '--count', '1']]) {
      const run1 = await run(argv, { KINESIS_LAB_HOME: file });
      expect(run1.code, argv.join(' ')).toBe(2);
      expect(run1.stderr).toBe(`kinesis-lab: the config folder ${file} cannot be created: ${file} is a file, not a folder; point KINESIS_LAB_HOME at a folder (or move that file away)`);
    }
    const ko = await run(['report', '--lang', 'ko'], { KINESIS_LAB_HOME: join(file, 'below') });
    expect(ko.stderr).toContain(`그 자리의 경로(${file})는 폴더가 아니라 파일입니다`);
  });

  it('the progress file a folder: exit 1, the path, and how to move it away', async () => {
    const home = await mkdtemp(join(tmpdir(), 'kl-home-'));
    const progress = join(home, 'progress', 'kinesis-data-streams-sandbox.json');
    await mkdir(progress, { recursive: true });
    for (const argv of [['check', '--sandbox'], ['report', '--sandbox'], ['solve', 'create-stream', '--sandbox']]) {
      const r = await run(argv, { KINESIS_LAB_HOME: home });
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toBe(`kinesis-lab: the progress file ${progress} is a folder; move it away (mv "${progress}" "${progress}.folder") and run again`);
    }
  });

  it('a 300 MB progress file of garbage is moved aside by its size, unread, with a message', async () => {
    const home = await mkdtemp(join(tmpdir(), 'kl-home-'));
    await mkdir(join(home, 'progress'));
    const progress = join(home, 'progress', 'kinesis-data-streams-aws.json');
    // Sparse: 300 MB long without writing 300 MB to disk.
    const handle = await open(progress, 'w');
    await handle.truncate(300 * 1024 * 1024);
    await handle.close();
    const r = await run(['report'], { KINESIS_LAB_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Your progress file .*kinesis-data-streams-aws\.json could not be read \(300 MB, far more than a progress file ever holds\)\. It was kept as .*kinesis-data-streams-aws\.json\.corrupt-[\d-TZ]+ and the lab starts fresh\. To look at it or put it back: mv ".*" ".*"$/);
    expect((await readdir(join(home, 'progress'))).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });
});
