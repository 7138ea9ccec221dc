import { describe, expect, it } from 'vitest';
import type { Lab } from '../content/lab-model.js';
import { paintFirstFrame } from './first-frame.js';
import type { PreparedLabSession } from './lab-session.js';

function prepared(target: 'sandbox' | 'aws', lang: 'en' | 'ko' = 'en', limits?: 'off'): PreparedLabSession {
  return {
    deps: limits ? { sandboxOptions: { limits } } : {},
    lab: { title: { en: 'Streams lab', ko: '스트림 실습' } } as Lab,
    settings: { lang, stream: 'input-stream', target, embeddedSandbox: target === 'sandbox', region: 'us-east-1', regionSource: target === 'sandbox' ? 'sandbox-default' : 'AWS_REGION' },
  } as PreparedLabSession;
}

describe('the first frame, before Ink loads', () => {
  it("writes the header's rows as the lab screen draws them and what is starting, with auto-wrap off", () => {
    const written: string[] = [];
    paintFirstFrame(prepared('sandbox'), 80, (text) => written.push(text));
    expect(written).toEqual([
      '\x1b[?7lKinesis Data Streams lab · Streams lab\nstream input-stream · region us-east-1 (sandbox default) · sandbox …\nStarting the local sandbox and the AWS SDK clients…\n\x1b[?7h',
    ]);
  });

  it('says what starts on AWS, in the learner\'s language', () => {
    const written: string[] = [];
    paintFirstFrame(prepared('aws', 'ko'), 80, (text) => written.push(text));
    expect(written[0]).toContain('\n스트림 input-stream · 리전 us-east-1 (AWS_REGION) · AWS\nAWS SDK 클라이언트를 불러오는 중…\n');
  });

  it('marks a sandbox started with --limits off, as the Header does', () => {
    const written: string[] = [];
    paintFirstFrame(prepared('sandbox', 'en', 'off'), 120, (text) => written.push(text));
    expect(written[0]).toContain('\nstream input-stream · region us-east-1 (sandbox default) · sandbox … (AWS limits off)\n');
  });

  it('erases exactly its rows, leaving the cursor where Ink draws next', () => {
    const written: string[] = [];
    const erase = paintFirstFrame(prepared('sandbox'), 80, (text) => written.push(text));
    erase();
    expect(written[1]).toBe('\x1b[3A\x1b[J');
  });

  it('wraps the header on a narrow terminal as the Header does, and erases every row it wrote', () => {
    const written: string[] = [];
    const erase = paintFirstFrame(prepared('sandbox'), 40, (text) => written.push(text));
    erase();
    expect(written[0]!.split('\n').length - 1).toBe(4);
    expect(written[1]).toBe('\x1b[4A\x1b[J');
  });
});
