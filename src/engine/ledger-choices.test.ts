import { describe, expect, it } from 'vitest';
import { decodeProgress, encodeProgress, type ProgressFile } from './progress-codec.js';
import { emptyLedger, paramsWithChoices, recordChoices, recordRun, type ProducerRun } from './session-ledger.js';

const run: ProducerRun = { api: 'put-record', stream: 's', region: 'us-east-1', startedAt: 1, endedAt: 2, sent: 3, failed: 0, retried: 0, bytes: 10, recordsPerSecond: 3, samples: [] };

describe('choices in the session ledger', () => {
  it('merges a step’s choices over its lab.json params, for that step only', () => {
    const ledger = recordChoices(emptyLedger(), 'pipe', { startingPosition: 'LATEST', filter: '{"data":{"vendorId":[2]}}' });
    expect(paramsWithChoices(ledger, 'pipe', { startingPosition: 'TRIM_HORIZON', batchSize: 100 })).toEqual({ startingPosition: 'LATEST', batchSize: 100, filter: '{"data":{"vendorId":[2]}}' });
    expect(paramsWithChoices(ledger, 'put-record', { count: 200 })).toEqual({ count: 200 });
  });

  it('replaces earlier choices of the step and keeps them when a producer run is recorded', () => {
    let ledger = recordChoices(emptyLedger(), 'pipe', { batchSize: 5, filter: 'x' });
    ledger = recordChoices(ledger, 'pipe', { batchSize: 7 });
    ledger = recordRun(ledger, run);
    expect(ledger).toEqual({ runs: [run], choices: { pipe: { batchSize: 7 } } });
  });

  it('round-trips through the progress file, and files without choices still load', () => {
    const file: ProgressFile = {
      formatVersion: 1,
      savedAt: '2026-11-22T04:00:00.000Z',
      settings: { stream: 's', region: 'us-east-1' },
      state: { labId: 'l', order: ['pipe'], locked: [], current: 'pipe', steps: { pipe: { status: 'pending', attempts: 0 } } },
      ledger: recordChoices(emptyLedger(), 'pipe', { startingPosition: 'AT_TIMESTAMP', startingPositionTimestamp: 1_790_000_000 }),
    };
    expect(decodeProgress(encodeProgress(file))).toEqual({ ok: true, file });
    const { choices: _dropped, ...oldLedger } = file.ledger;
    expect(decodeProgress(encodeProgress({ ...file, ledger: oldLedger }))).toEqual({ ok: true, file: { ...file, ledger: { runs: [] } } });
  });
});
