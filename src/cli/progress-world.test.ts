import { describe, expect, it } from 'vitest';
import { progressWorld } from './progress-world.js';

describe('progressWorld: which progress file a run uses', () => {
  it.each([
    [{ embeddedSandbox: true, target: 'sandbox' as const, endpoint: 'http://127.0.0.1:41234' }, 'sandbox'],
    [{ embeddedSandbox: false, target: 'aws' as const }, 'aws'],
    [{ embeddedSandbox: false, target: 'sandbox' as const, endpoint: 'http://127.0.0.1:4567' }, 'sandbox-127.0.0.1-4567'],
    [{ embeddedSandbox: false, target: 'sandbox' as const, endpoint: 'http://127.0.0.1:4568/' }, 'sandbox-127.0.0.1-4568'],
    [{ embeddedSandbox: false, target: 'sandbox' as const, endpoint: 'http://[::1]:4567' }, 'sandbox-_1-4567'],
    [{ embeddedSandbox: false, target: 'aws' as const, endpoint: 'https://kinesis.us-east-1.amazonaws.com' }, 'aws-kinesis.us-east-1.amazonaws.com-443'],
    [{ embeddedSandbox: false, target: 'aws' as const, endpoint: 'http://user:secret@10.0.0.5:4567' }, 'aws-10.0.0.5-4567'],
  ])('%j → %s', (settings, world) => {
    expect(progressWorld(settings)).toBe(world);
  });
});
