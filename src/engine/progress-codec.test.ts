import { describe, expect, expectTypeOf, it } from 'vitest';
import { decodeProgress, encodeProgress, type ProgressFile } from './progress-codec.js';
import type { SessionLedger } from './session-ledger.js';
import type { LabState } from './step-state.js';

/** A progress file as kinesis-lab 0.1 wrote it, byte for byte: every optional field present. */
const WRITTEN = `{
  "formatVersion": 1,
  "savedAt": "2026-11-22T04:00:00.000Z",
  "settings": {
    "stream": "input-stream",
    "region": "ap-northeast-2",
    "regionSwitched": true
  },
  "state": {
    "labId": "kinesis-data-streams",
    "order": [
      "create-stream",
      "put-record"
    ],
    "locked": [],
    "current": "put-record",
    "steps": {
      "create-stream": {
        "status": "passed",
        "mode": "auto",
        "startedAt": 1,
        "passedAt": 2,
        "attempts": 1
      },
      "put-record": {
        "status": "failed",
        "attempts": 2,
        "lastResult": {
          "step": "put-record",
          "outcome": "error",
          "summary": {
            "en": "No stream",
            "ko": "스트림 없음"
          },
          "evidence": [],
          "fix": {
            "en": "Switch",
            "ko": "전환"
          },
          "errorKind": "stream-not-found",
          "autoFix": {
            "type": "switch-region",
            "region": "us-east-1"
          }
        }
      }
    }
  },
  "ledger": {
    "runs": [
      {
        "api": "put-records",
        "stream": "input-stream",
        "region": "ap-northeast-2",
        "startedAt": 10,
        "endedAt": 20,
        "sent": 5,
        "failed": 0,
        "retried": 1,
        "bytes": 500,
        "recordsPerSecond": 0.5,
        "samples": [
          {
            "shardId": "shardId-000000000000",
            "sequenceNumber": "1"
          }
        ]
      }
    ],
    "choices": {
      "pipe": {
        "startingPosition": "TRIM_HORIZON"
      }
    }
  }
}
`;

describe('the progress file', () => {
  it('decodes what earlier versions wrote and encodes it back to the same bytes', () => {
    const decoded = decodeProgress(WRITTEN);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(encodeProgress(decoded.file)).toBe(WRITTEN);
  });

  it('has the type its schema decodes to, which is exactly the engine state and ledger (checked by tsc)', () => {
    // A field the schema lacked would be dropped on load (zod strips unknown keys); one it added
    // would never be written. `npm run typecheck` fails when the two drift apart.
    expectTypeOf<ProgressFile['state']>().toEqualTypeOf<LabState>();
    expectTypeOf<ProgressFile['ledger']>().toEqualTypeOf<SessionLedger>();
    expectTypeOf(decodeProgress).returns.toEqualTypeOf<{ ok: true; file: ProgressFile } | { ok: false; reason: string }>();
  });
});
