import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic, writeFileAtomicSync, type FileContent } from './atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kl-atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o700);
  await rm(dir, { recursive: true, force: true });
});

/**
 * Runs `work` as an unprivileged user when this process is root (CI is): root ignores folder
 * permissions, so a read-only folder is only read-only to someone else. The effective uid is
 * restored whatever happens.
 */
async function unprivileged<T>(work: () => Promise<T>): Promise<T> {
  const root = process.geteuid?.() === 0;
  if (root) process.seteuid?.(65534);
  try {
    return await work();
  } finally {
    if (root) process.seteuid?.(0);
  }
}

const forms = [
  { form: 'async', write: writeFileAtomic },
  { form: 'sync', write: (path: string, data: FileContent, options?: { mode?: number }) => Promise.resolve().then(() => writeFileAtomicSync(path, data, options)) },
];

describe.each(forms)('writeFileAtomic ($form)', ({ write }) => {
  it('replaces the content, leaves nothing else in the folder, and makes a new file private', async () => {
    const path = join(dir, 'settings.json');
    await write(path, 'first');
    await write(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('writes pieces in order, text and bytes alike, and tells how many bytes it wrote', async () => {
    const path = join(dir, 'snapshot.jsonl');
    function* pieces() {
      yield '{"header":1}\n';
      yield new TextEncoder().encode('{"chunk":"é"}\n');
      yield '{"end":true}\n';
    }
    expect(await write(path, pieces())).toBe(41);
    expect(await readFile(path, 'utf8')).toBe('{"header":1}\n{"chunk":"é"}\n{"end":true}\n');
  });

  it('in a read-only folder: fails naming the file, and leaves the folder as it was', async () => {
    const path = join(dir, 'progress.json');
    await writeFile(path, 'old');
    await chmod(dir, 0o555);
    const error = await unprivileged(() => write(path, 'new').then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect(error).toMatchObject({ path, code: 'EACCES', message: `cannot write ${path} (EACCES)` });
    expect(await readdir(dir)).toEqual(['progress.json']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('when the rename fails, the temp file it wrote is removed', async () => {
    // A folder where the file should be: the temp file is written, the rename over a folder is refused.
    const path = join(dir, 'outbox');
    await mkdir(path);
    await expect(write(path, 'text')).rejects.toMatchObject({ name: 'AtomicWriteError', path, code: 'EISDIR' });
    expect(await readdir(dir)).toEqual(['outbox']);
  });

  it('two writes at once in one process never share a temp file: the file ends as one of them, whole', async () => {
    const path = join(dir, 'regions.json');
    const contents = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000));
    await Promise.all(contents.map((text) => write(path, text)));
    expect(contents).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['regions.json']);
  });
});

describe('writeFileAtomic while another process reads, and under kill -9', () => {
  it('shows readers the old content or the new one, never a mix or a cut, and leaves one whole after a kill', async () => {
    // A child process rewrites one file as fast as it can, alternating two 1 MB contents; this
    // process reads it meanwhile (a plain writeFile is caught cut in nearly every read), then kills
    // the child mid-stream: the file must still be exactly one of the two.
    const module = join(dir, 'atomic-write.mjs');
    await build({ entryPoints: [resolve(import.meta.dirname, 'atomic-write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: module, logLevel: 'silent' });
    const target = join(dir, 'progress.json');
    const size = 1024 * 1024;
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(module)};
      const contents = ['a'.repeat(${size}), 'b'.repeat(${size})];
      for (let i = 0; ; i++) {
        await writeFileAtomic(${JSON.stringify(target)}, contents[i % 2]);
        if (i === 3) process.stdout.write('writing\\n');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolveExit) => child.once('exit', (_code, signal) => resolveExit(signal)));
    await new Promise<void>((resolveWriting, reject) => {
      child.stdout.once('data', () => resolveWriting());
      child.once('exit', (code) => reject(new Error(`the writer exited (${String(code)}) before it was killed`)));
    });
    const whole = new Set(['a'.repeat(size), 'b'.repeat(size)]);
    for (let read = 0; read < 100; read++) {
      const text = await readFile(target, 'utf8');
      expect(whole.has(text), `read ${read} saw ${text.length} characters starting ${JSON.stringify(text.slice(0, 1))}`).toBe(true);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(whole.has(await readFile(target, 'utf8'))).toBe(true);
  });
});
