import { describe, expect, it } from 'vitest';
import { createOwnership, isLabTag, isOurs, type Claim } from './ownership.js';

const ownership = createOwnership({
  labId: 'kds',
  tag: 'kds/me',
  formerTags: ['kds/me-before'],
  builtHere: [{ kind: 'iam-role', name: 'input-stream-pipe-role', region: 'global' }],
});
const role = { kind: 'iam-role', name: 'input-stream-pipe-role', region: 'global' };

describe('ownership: proved by the tag, never assumed from the name', () => {
  it.each<[string, Record<string, string> | undefined, typeof role, Claim]>([
    ["this learner's tag", { 'kinesis-lab': 'kds/me' }, role, 'mine'],
    ['a tag this install used before its owner id was replaced', { 'kinesis-lab': 'kds/me-before' }, role, 'mine'],
    ["the older tag, on what this install's progress built", { 'kinesis-lab': 'kds' }, role, 'legacy-mine'],
    ['the older tag, on a name the progress never built', { 'kinesis-lab': 'kds' }, { ...role, name: 'someone-pipe-role' }, 'legacy'],
    ['the older tag, the same name in another region', { 'kinesis-lab': 'kds' }, { ...role, region: 'us-east-1' }, 'legacy'],
    ["another learner's tag", { 'kinesis-lab': 'kds/other' }, role, 'other'],
    ["another lab's tag", { 'kinesis-lab': 'another-lab' }, role, 'other'],
    ['no lab tag (made by hand)', { team: 'data' }, role, 'other'],
    ['no tags at all', undefined, role, 'other'],
  ])('%s → %s', (_label, tags, ref, claim) => {
    expect(ownership.claim(tags, ref)).toBe(claim);
    expect(isOurs(claim)).toBe(claim === 'mine' || claim === 'legacy-mine');
  });

  it("isLabTag: this lab's tags of any owner, and its older form, nothing else", () => {
    expect(['kds', 'kds/me', 'kds/other'].map((t) => isLabTag(t, 'kds'))).toEqual([true, true, true]);
    expect(['kdsx', 'kds-other/me', 'other/kds', undefined].map((t) => isLabTag(t, 'kds'))).toEqual([false, false, false, false]);
  });
});
