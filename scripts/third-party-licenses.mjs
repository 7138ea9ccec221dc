// THIRD_PARTY_LICENSES for what a bundle holds: every npm package esbuild's metafile lists as an input,
// with its license file (and NOTICE, which Apache-2.0 asks to pass on) read from the package itself.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
const NOTICE_FILE = /^notice([.-].*)?$/i;

/** The package folders (relative to `root`) that the metafile's inputs come from, e.g. node_modules/@smithy/core. */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const nameParts = parts[at + 1]?.startsWith('@') ? 2 : 1;
    dirs.add(parts.slice(0, at + 1 + nameParts).join('/'));
  }
  return [...dirs].sort();
}

/**
 * The file's text. Fails the build for a bundled package that declares no license: shipping code
 * whose terms we cannot name is not something to find out after publishing.
 */
export function thirdPartyLicenses(metafile, root, legalComments = []) {
  const entries = new Map();
  for (const dir of bundledPackageDirs(metafile)) {
    const abs = join(root, ...dir.split('/'));
    const pkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type;
    if (!license) throw new Error(`${dir.split('/').join(sep)}: bundled, but its package.json names no license`);
    const files = existsSync(abs) ? readdirSync(abs).sort() : [];
    const texts = [...files.filter((f) => LICENSE_FILE.test(f)), ...files.filter((f) => NOTICE_FILE.test(f))].map((f) => readFileSync(join(abs, f), 'utf8').trim());
    const key = `${pkg.name}@${pkg.version}`;
    if (!entries.has(key)) entries.set(key, { name: pkg.name, version: pkg.version, license, repository: repositoryUrl(pkg), texts });
  }
  // Identical texts (the AWS SDK's packages share one Apache-2.0 file) are printed once, under every package that ships them.
  const byText = new Map();
  for (const e of entries.values()) {
    const body = e.texts.length > 0 ? e.texts.join('\n\n') : noFileNote(e, entries);
    const heads = byText.get(body) ?? [];
    heads.push([`${e.name} ${e.version}`, `License: ${e.license}`, ...(e.repository ? [`Source: ${e.repository}`] : [])].join('\n'));
    byText.set(body, heads);
  }
  const sections = [...byText].map(([body, heads]) => `${heads.join('\n\n')}\n\n${body}`);
  const rule = '\n\n' + '-'.repeat(78) + '\n\n';
  const intro = `kinesis-lab bundles the following ${entries.size} packages into dist/. Each is listed with its license\nas the package ships it.`;
  const comments = legalComments.length > 0 ? `${rule}License comments found in the bundled code:\n\n${legalComments.join('\n\n')}` : '';
  return `${intro}${rule}${sections.join(rule)}${comments}\n`;
}

/** esbuild's `*.LEGAL.txt` ("Bundled license information:", then "file:" and its indented comments) as one block per file. */
export function legalCommentBlocks(text) {
  return text
    .replace(/^Bundled license information:\n/, '')
    .split(/\n(?=\S[^\n]*:\n)/)
    .map((block) => block.trim())
    .filter(Boolean);
}

function repositoryUrl(pkg) {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return repo ? repo.replace(/^git\+/, '') : pkg.homepage;
}

/** For a package without a license file: the license it declares, and where the same license's text is in this file. */
function noFileNote(entry, entries) {
  const same = [...entries.values()].find((e) => e.license === entry.license && e.texts.length > 0);
  const where = same ? ` The ${entry.license} text is in this file, with ${same.name}.` : '';
  return `(${entry.name} ships no license file; its package.json declares ${entry.license}.${where})`;
}
