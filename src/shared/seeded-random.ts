/**
 * mulberry32: a tiny 32-bit PRNG with good enough spread for fake taxi trips and repeatable fault
 * demos; returns [0, 1). Pure, so replays and tests see the same sequence for the same seed.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
