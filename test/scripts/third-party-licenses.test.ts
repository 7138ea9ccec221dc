import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPackageDirs, legalCommentBlocks, thirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

async function fakePackage(root: string, dir: string, manifest: Record<string, unknown>, files: Record<string, string> = {}): Promise<void> {
  await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, dir, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, dir, name), text);
}

const metafile = (...inputs: string[]) => ({ inputs: Object.fromEntries(inputs.map((i) => [i, {}])) });

describe('THIRD_PARTY_LICENSES', () => {
  it('finds each package an input comes from, scoped, nested or not, and skips our own sources', () => {
    expect(
      bundledPackageDirs(metafile('src/cli.tsx', 'node_modules/ink/build/index.js', 'node_modules/@smithy/core/dist-es/a.js', 'node_modules/ink/build/b.js', 'node_modules/a/node_modules/b/x.js')),
    ).toEqual(['node_modules/@smithy/core', 'node_modules/a/node_modules/b', 'node_modules/ink']);
  });

  it('prints each license file and NOTICE once, under every package that ships the same text', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kl-licenses-'));
    await fakePackage(root, 'node_modules/@aws-sdk/a', { name: '@aws-sdk/a', version: '1.0.0', license: 'Apache-2.0' }, { LICENSE: 'APACHE TEXT', NOTICE: 'Copyright Amazon' });
    await fakePackage(root, 'node_modules/@aws-sdk/b', { name: '@aws-sdk/b', version: '2.0.0', license: 'Apache-2.0' }, { LICENSE: 'APACHE TEXT', NOTICE: 'Copyright Amazon' });
    await fakePackage(root, 'node_modules/@aws-sdk/c', { name: '@aws-sdk/c', version: '3.0.0', license: 'Apache-2.0' });
    await fakePackage(root, 'node_modules/tiny', { name: 'tiny', version: '0.1.0', license: 'MIT', repository: 'git+https://example.com/tiny.git' }, { 'license.md': 'MIT TEXT (c) Someone' });
    const text = thirdPartyLicenses(metafile('node_modules/@aws-sdk/a/x.js', 'node_modules/@aws-sdk/b/x.js', 'node_modules/@aws-sdk/c/x.js', 'node_modules/tiny/i.js'), root, ['/*! tiny v0.1 */']);
    expect(text.match(/APACHE TEXT\n\nCopyright Amazon/g)).toHaveLength(1);
    expect(text).toContain('@aws-sdk/a 1.0.0\nLicense: Apache-2.0\n\n@aws-sdk/b 2.0.0\nLicense: Apache-2.0\n\nAPACHE TEXT');
    expect(text).toContain('(@aws-sdk/c ships no license file; its package.json declares Apache-2.0. The Apache-2.0 text is in this file, with @aws-sdk/a.)');
    expect(text).toContain('tiny 0.1.0\nLicense: MIT\nSource: https://example.com/tiny.git\n\nMIT TEXT (c) Someone');
    expect(text).toContain('kinesis-lab bundles the following 4 packages');
    expect(text).toContain('License comments found in the bundled code:\n\n/*! tiny v0.1 */');
  });

  it("reads esbuild's legal-comment files as one block per source file", () => {
    const text = 'Bundled license information:\n\nreact/a.js:\n  /**\n   * @license React\n   *\n   */\n\nbowser/b.mjs:\n  /*! Bowser */\n';
    expect(legalCommentBlocks(text)).toEqual(['react/a.js:\n  /**\n   * @license React\n   *\n   */', 'bowser/b.mjs:\n  /*! Bowser */']);
  });

  it('fails the build for a bundled package that names no license', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kl-licenses-'));
    await fakePackage(root, 'node_modules/mystery', { name: 'mystery', version: '1.0.0' });
    expect(() => thirdPartyLicenses(metafile('node_modules/mystery/i.js'), root)).toThrow('its package.json names no license');
  });
});
