import { describe, expect, it } from 'vitest';
import { learnerKey } from './learner-key.js';

describe('learnerKey', () => {
  it('is an access key id as AWS writes them, the same for the same learner and class', () => {
    const key = learnerKey('K7QMR3XP', 'learner-a');
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.secretAccessKey).toMatch(/^kinesis-lab-class-[A-Za-z0-9_-]{20,}$/);
    expect(learnerKey('K7QMR3XP', 'learner-a')).toEqual(key);
  });

  it('differs between learners of one class and between classes of one learner', () => {
    const ids = new Set(['learner-a', 'learner-b', 'learner-c'].flatMap((id) => ['K7QMR3XP', 'W4ZD9XTE'].map((code) => learnerKey(code, id).accessKeyId)));
    expect(ids.size).toBe(6);
  });
});
