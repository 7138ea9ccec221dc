/**
 * The package as `npx kinesis-lab` meets it: a clean copy of the repository packs itself (prepack
 * builds), the tarball installs into an empty folder with an empty npm cache and no network, and
 * the commands a learner types first work from there.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { jsonLines, runProgram, tempHome, type CliRun } from './cli-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The budget for what one `npx kinesis-lab` installs (issue 14); today it is the package alone. */
const MAX_PACKAGES = 30;
const MAX_BYTES = 20 * 1024 * 1024;

interface PackedFile {
  path: string;
  size: number;
}

let work: string;
let install: string;
let packed: { files: PackedFile[]; unpackedSize: number; filename: string };

/** `npx kinesis-lab …` from the install folder, offline, with the fresh cache. */
async function npx(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runProgram('npx', ['kinesis-lab', ...args], { npm_config_cache: join(work, 'cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false', ...env }, { cwd: install, timeoutMs: 120_000 });
}

/** The files `git clone` would give: tracked ones plus new ones not ignored (this change before its commit). */
async function cleanCopy(to: string): Promise<void> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of listed) {
    const from = join(ROOT, file);
    // A file deleted in the working tree but still tracked is not in a clone of the change.
    if (!(await stat(from).catch(() => undefined))?.isFile()) continue;
    await mkdir(dirname(join(to, file)), { recursive: true });
    await cp(from, join(to, file));
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kl-pack-'));
  const clone = join(work, 'clone');
  await cleanCopy(clone);
  // The dev dependencies `npm ci` would install; the build needs them, the package must not.
  await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  [packed] = JSON.parse(out.slice(out.indexOf('['))) as [typeof packed];
  install = join(work, 'install');
  await mkdir(install);
  // --offline with an empty cache: the install may need nothing from the registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(work, 'cache'), join(work, packed.filename)], { cwd: install, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}, 300_000);

describe('npm pack from a clean copy', () => {
  it('builds dist/ itself and ships the bin, the CLI, its chunks, the licenses and the labs, without source maps', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/main.js', 'dist/THIRD_PARTY_LICENSES', 'labs/kinesis-data-streams/lab.json', 'package.json']));
    expect(paths.filter((p) => p.startsWith('dist/chunks/')).length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('names every runtime library it bundles in THIRD_PARTY_LICENSES, with the license texts', async () => {
    const text = await readFile(join(install, 'node_modules/kinesis-lab/dist/THIRD_PARTY_LICENSES'), 'utf8');
    for (const name of ['@aws-sdk/client-kinesis', '@smithy/core', 'ink', 'react', 'zod', 'marked', 'asciichart', 'string-width', 'yoga-layout']) {
      expect(text).toMatch(new RegExp(`^${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+\\nLicense: `, 'm'));
    }
    expect(text).toContain('Apache License');
    expect(text).toContain('Permission is hereby granted, free of charge');
  });
});

describe('the installed package', () => {
  it('has no dependencies: one package, within the footprint budget', async () => {
    const manifest = JSON.parse(await readFile(join(install, 'node_modules/kinesis-lab/package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) expect(manifest[field]).toBeUndefined();
    const lock = JSON.parse(await readFile(join(install, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const installed = Object.keys(lock.packages).filter((p) => p.startsWith('node_modules/'));
    expect(installed).toEqual(['node_modules/kinesis-lab']);
    expect(installed.length).toBeLessThanOrEqual(MAX_PACKAGES);
    const files = await walk(join(install, 'node_modules'));
    const bytes = (await Promise.all(files.map((f) => stat(f)))).reduce((sum, s) => sum + s.size, 0);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('needs no compiler and runs no install script', async () => {
    const files = await walk(join(install, 'node_modules'));
    expect(files.filter((f) => f.endsWith('binding.gyp') || f.endsWith('.node'))).toEqual([]);
    const lock = JSON.parse(await readFile(join(install, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    expect(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([name]) => name)).toEqual([]);
    const reviewed = execFileSync('npm', ['install-scripts', 'ls'], { cwd: install, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(reviewed.trim()).toBe('No packages with unreviewed install scripts.');
    for (const manifestPath of files.filter((f) => f.endsWith('/package.json'))) {
      const scripts = (JSON.parse(await readFile(manifestPath, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
      expect(Object.keys(scripts).filter((s) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(s)), manifestPath).toEqual([]);
    }
  });

  it('answers npx kinesis-lab --version and --help', async () => {
    const version = await npx(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await npx(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check [STEP…] [--json]');
  });

  it('checks on the embedded sandbox: every step, one JSON line each, none passing yet', async () => {
    const run = await npx(['check', '--sandbox', '--json'], { KINESIS_LAB_HOME: await tempHome() });
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((l) => [l.step, l.ok])).toEqual([
      ['create-stream', false],
      ['put-record', false],
      ['put-records', false],
      ['metrics', false],
      ['pipe', false],
    ]);
    // The hint names the command that runs from here.
    expect(jsonLines(run.stdout)[0]?.fix).toContain('(npx kinesis-lab solve create-stream --sandbox --region us-east-1)');
  });

  it('solves create-stream and put-record on the embedded sandbox', async () => {
    const run = await npx(['solve', 'create-stream', 'put-record', '--sandbox', '--json'], { KINESIS_LAB_HOME: await tempHome() });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((l) => [l.step, l.ok])).toEqual([
      ['create-stream', true],
      ['put-record', true],
    ]);
  });
});
