import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SolutionFile } from './solution-files.js';
import { writeSolutionFiles } from './write-solution-files.js';

const files = (stream: string): SolutionFile[] => [
  { language: 'cli', name: 'create-stream.sh', text: `# Run: bash create-stream.sh\necho ${stream}\n` },
  { language: 'python', name: 'create_stream.py', text: `# Run: python3 create_stream.py\nprint("${stream}")\n` },
];

describe('writeSolutionFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'kinesis-lab-write-')), 'kinesis-lab-code');
  });
  afterEach(async () => rm(join(dir, '..'), { recursive: true, force: true }));

  it('writes every file into a new folder, then says they are up to date', async () => {
    expect(await writeSolutionFiles(dir, files('a'), false)).toEqual({ kind: 'written', dir, files: ['create-stream.sh', 'create_stream.py'] });
    expect(await readFile(join(dir, 'create-stream.sh'), 'utf8')).toBe('# Run: bash create-stream.sh\necho a\n');
    expect(await writeSolutionFiles(dir, files('a'), false)).toEqual({ kind: 'unchanged', dir });
  });

  it('replaces its own earlier files when the settings changed (a fix switched the stream)', async () => {
    await writeSolutionFiles(dir, files('a'), false);
    expect(await writeSolutionFiles(dir, files('b'), false)).toEqual({ kind: 'written', dir, files: ['create-stream.sh', 'create_stream.py'] });
    expect(await readFile(join(dir, 'create_stream.py'), 'utf8')).toContain('"b"');
  });

  it('keeps a file the learner edited and names it, until asked to overwrite', async () => {
    await writeSolutionFiles(dir, files('a'), false);
    await writeFile(join(dir, 'create-stream.sh'), '# mine\n');
    expect(await writeSolutionFiles(dir, files('b'), false)).toEqual({ kind: 'edited', files: ['create-stream.sh'] });
    expect(await readFile(join(dir, 'create-stream.sh'), 'utf8')).toBe('# mine\n');
    // The untouched file still follows the new settings.
    expect(await readFile(join(dir, 'create_stream.py'), 'utf8')).toContain('"b"');
    expect(await writeSolutionFiles(dir, files('b'), true)).toEqual({ kind: 'written', dir, files: ['create-stream.sh'] });
    expect(await readFile(join(dir, 'create-stream.sh'), 'utf8')).toContain('echo b');
  });

  it('treats a file it did not write as the learner’s', async () => {
    await writeSolutionFiles(dir, [], false);
    await writeFile(join(dir, 'create-stream.sh'), '# already here\n');
    expect(await writeSolutionFiles(dir, files('a'), false)).toEqual({ kind: 'edited', files: ['create-stream.sh'] });
  });
});
