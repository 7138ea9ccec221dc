import { describe, expect, it } from 'vitest';
import { staleRunsLine } from '../../src/checks/current-stream.js';
import type { ProducerRun } from '../../src/engine/session-ledger.js';
import { keyWordingIn } from '../fixtures/key-wording.js';

const at = Date.parse('2026-11-29T04:00:00Z');
const run: ProducerRun = { api: 'put-record', stream: 'input-stream', region: 'us-east-1', startedAt: at, endedAt: at + 60_000, sent: 120, failed: 0, retried: 0, bytes: 0, recordsPerSecond: 2, samples: [] };
const now = { stream: 'input-stream', region: 'us-east-1', createdAt: at + 3_600_000 };

describe('the one line for records sent to a stream that is not this one', () => {
  it('names the key in the full-screen lab and the command everywhere else, in both languages', () => {
    const tui = staleRunsLine([run], 'input-stream', now);
    expect(tui?.en).toBe('The 120 record(s) sent earlier (04:00:00 UTC–04:01:00 UTC) went to an older input-stream, deleted since: the one there now was created at 05:00:00 UTC. They no longer count; press d to send a fresh sample.');
    const cli = staleRunsLine([run], 'input-stream', undefined, 'kinesis-lab solve put-record --sandbox');
    expect(cli?.en).toBe("The 120 record(s) sent earlier (04:00:00 UTC–04:01:00 UTC) went to input-stream, which is not there any more (deleted, or the sandbox's data is gone). They no longer count; create the stream and send a fresh sample: kinesis-lab solve put-record --sandbox.");
    for (const line of [cli, staleRunsLine([run], 'input-stream', now, 'kinesis-lab solve metrics')]) {
      expect(keyWordingIn(line?.en ?? ''), line?.en).toEqual([]);
      expect(keyWordingIn(line?.ko ?? ''), line?.ko).toEqual([]);
    }
  });

  it('says nothing when no records went elsewhere', () => {
    expect(staleRunsLine([{ ...run, sent: 0 }], 'input-stream', now)).toBeUndefined();
  });
});
