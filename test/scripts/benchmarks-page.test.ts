import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBenchmarkSection } from '../../scripts/benchmarks-page.mjs';

describe('docs/benchmarks.md, one section per benchmark', () => {
  it('replaces only the named section and keeps the ones before and after it', async () => {
    const page = join(await mkdtemp(join(tmpdir(), 'kl-bench-')), 'benchmarks.md');
    await writeFile(page, '# Producer benchmark\n\nold producer\n\n# Install footprint\n\nold install\n\n# Sandbox engine benchmark\n\nengine\n');
    await writeBenchmarkSection('# Install footprint', '# Install footprint\n\nnew install', page);
    expect(await readFile(page, 'utf8')).toBe('# Producer benchmark\n\nold producer\n\n# Install footprint\n\nnew install\n\n# Sandbox engine benchmark\n\nengine\n');
    await writeBenchmarkSection('# Sandbox engine benchmark', '# Sandbox engine benchmark\n\nnew engine\n', page);
    expect(await readFile(page, 'utf8')).toBe('# Producer benchmark\n\nold producer\n\n# Install footprint\n\nnew install\n\n# Sandbox engine benchmark\n\nnew engine\n');
  });

  it('appends a section the page does not have yet, and starts a missing page', async () => {
    const page = join(await mkdtemp(join(tmpdir(), 'kl-bench-')), 'benchmarks.md');
    await writeBenchmarkSection('# Producer benchmark', '# Producer benchmark\n\nfirst', page);
    await writeBenchmarkSection('# Install footprint', '# Install footprint\n\nsecond', page);
    expect(await readFile(page, 'utf8')).toBe('# Producer benchmark\n\nfirst\n\n# Install footprint\n\nsecond\n');
  });
});
