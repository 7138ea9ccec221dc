import { describe, expect, it } from 'vitest';
import { CLASSROOM_CATALOGS } from './classroom-messages.js';
import { CATALOGS } from './messages.js';
import { PROGRESS_CATALOGS } from './progress-messages.js';

/** Sample arguments by position: numbers where a message formats numbers, names elsewhere. */
const NUMERIC = new Set(['elapsed', 'hint', 'producerCounters', 'producerThrottled', 'compareGain', 'compareBoundPutRecord', 'completionSummary', 'moreBelow', 'moreAbove', 'moreResult', 'tooSmall', 'producerBatch', 'duration',
  // classroom-messages.ts
  'reportStep', 'reportAttempts', 'reportRecords', 'cleanupFound', 'cleanupShards', 'cleanupConfirm', 'cleanupStopped', 'cleanupWouldStop', 'exitStillRunning', 'classWaiting', 'boardTitle', 'boardCounts', 'summaryLine', 'classDeleted', 'costShardHours', 'reportRecordsSeen',
  // progress-messages.ts
  'staleRunsRecreated', 'staleRunsGone', 'metricsWaiting', 'metricsAllCounted', 'metricsWaitEnded']);

/** Messages that take a list of file names. */
const LISTS = new Set(['codeAskOverwrite', 'codeKept']);

/** Walks a catalog to its leaves; functions are called with sample arguments so their text is checked too. */
function leaves(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const key = path.split('.').pop() ?? '';
    const args = NUMERIC.has(key) ? [1, 2, 3, 4] : key === 'compareRow' ? ['PutRecord', 12] : key === 'codeWritten' ? ['x-1', ['a.sh', 'b.py']] : LISTS.has(key) ? [['a.sh', 'b.py']] : ['x-1', 'y-2'];
    return [[path, String((value as (...a: unknown[]) => unknown)(...args))]];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

/** Every catalog of learner-facing text; a new catalog is added here so its keys are checked too. */
const ALL_CATALOGS = { messages: CATALOGS, classroom: CLASSROOM_CATALOGS, progress: PROGRESS_CATALOGS };

describe.each(Object.entries(ALL_CATALOGS))('message catalogs: %s', (_name, catalogs) => {
  const en = leaves(catalogs.en, 'en');
  const ko = leaves(catalogs.ko, 'ko');

  it('have the same keys in English and Korean', () => {
    expect(ko.map(([p]) => p.slice(3))).toEqual(en.map(([p]) => p.slice(3)));
  });

  it('have no empty text', () => {
    for (const [path, text] of [...en, ...ko]) expect(text.trim(), path).not.toBe('');
  });

  it('really are Korean in the Korean catalog (Hangul in every sentence-like entry)', () => {
    const untranslated = ko.filter(([path, text]) => /[a-z]{4,} [a-z]{3,}/i.test(text) && !/[가-힣]/.test(text) && !path.includes('codeTabs'));
    expect(untranslated).toEqual([]);
  });
});
