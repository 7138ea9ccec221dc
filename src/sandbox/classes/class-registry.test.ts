import { describe, expect, it } from 'vitest';
import { ClassRegistry, MAX_CLASSES } from './class-registry.js';

/** "Random" bytes given in advance, one array per draw (the last one repeats). */
function scriptedBytes(draws: number[][]): (size: number) => Uint8Array {
  let next = 0;
  return (size) => Uint8Array.from(draws[Math.min(next++, draws.length - 1)]!.slice(0, size));
}

describe('ClassRegistry', () => {
  it('draws again when a code is taken, so two streams never share one', () => {
    const same = [0, 1, 2, 3, 4, 5, 6, 7];
    const registry = new ClassRegistry(scriptedBytes([same, same, [8, 9, 10, 11, 12, 13, 14, 15]]));
    const a = registry.register({ account: '000000000000', region: 'us-east-1', stream: 'a' })!;
    const b = registry.register({ account: '000000000000', region: 'us-east-1', stream: 'b' })!;
    expect(a.code).not.toBe(b.code);
    expect(registry.register({ account: '000000000000', region: 'us-east-1', stream: 'a' })).toEqual(a);
    expect(registry.find(b.code)).toEqual(b);
  });

  it('keeps a bounded number of classes', () => {
    const registry = new ClassRegistry();
    for (let i = 0; i < MAX_CLASSES; i++) expect(registry.register({ account: '000000000000', region: 'us-east-1', stream: `s${i}` })).toBeDefined();
    expect(registry.register({ account: '000000000000', region: 'us-east-1', stream: 'one-more' })).toBeUndefined();
    expect(registry.register({ account: '000000000000', region: 'us-east-1', stream: 's0' })).toBeDefined();
  });
});
