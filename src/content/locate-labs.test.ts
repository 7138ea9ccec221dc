import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labDir, LabsNotFoundError, locateLabsDir } from './locate-labs.js';

describe('locateLabsDir', () => {
  let root: string;

  beforeEach(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'kinesis-lab-locate-')));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds the repository labs/ from src/ (as under Vitest)', () => {
    expect(locateLabsDir()).toBe(resolve(import.meta.dirname, '../../labs'));
    expect(labDir('kinesis-data-streams')).toBe(resolve(import.meta.dirname, '../../labs/kinesis-data-streams'));
  });

  it('finds labs/ beside package.json from an installed dist/cli.js', async () => {
    const pkg = join(root, 'node_modules', 'kinesis-lab');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await mkdir(join(pkg, 'labs'));
    await writeFile(join(pkg, 'package.json'), '{}');
    expect(locateLabsDir(pathToFileURL(join(pkg, 'dist', 'cli.js')).href)).toBe(join(pkg, 'labs'));
  });

  it('skips a labs/ folder that has no package.json beside it', async () => {
    await mkdir(join(root, 'pkg', 'dist', 'labs'), { recursive: true });
    await mkdir(join(root, 'pkg', 'labs'));
    await writeFile(join(root, 'pkg', 'package.json'), '{}');
    expect(locateLabsDir(pathToFileURL(join(root, 'pkg', 'dist', 'cli.js')).href)).toBe(join(root, 'pkg', 'labs'));
  });

  it('says where it looked when there is no labs/ folder', async () => {
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    const from = join(root, 'a', 'b', 'cli.js');
    expect(() => locateLabsDir(pathToFileURL(from).href)).toThrow(LabsNotFoundError);
    expect(() => locateLabsDir(pathToFileURL(from).href)).toThrow(`no labs/ folder beside a package.json above ${from}`);
  });
});
