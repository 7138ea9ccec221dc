import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapCode, wrapText } from './wrap-runs.js';

describe('wrapText', () => {
  it('breaks at spaces, so a flag and its value are never cut inside a word', () => {
    const lines = wrapText('그 리전에 없습니다. 다시 실행하세요: kinesis-lab --stream input-stream --region us-east-1', 30, '  ');
    expect(lines).toEqual(['그 리전에 없습니다. 다시', '  실행하세요: kinesis-lab', '  --stream input-stream', '  --region us-east-1']);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(30);
  });

  it('keeps the line breaks of the text', () => {
    expect(wrapText('one\ntwo three', 20)).toEqual(['one', 'two three']);
  });
});

describe('wrapCode', () => {
  it('keeps a line that fits as it is, spaces included', () => {
    expect(wrapCode('  aws  kinesis', 20)).toEqual(['  aws  kinesis']);
  });

  it('breaks after a space, the rest indented like the line', () => {
    expect(wrapCode('    aws kinesis create-stream --stream-name input-stream --region us-east-1', 40)).toEqual([
      '    aws kinesis create-stream',
      '    --stream-name input-stream --region',
      '    us-east-1',
    ]);
  });

  it('cuts a word only when nothing else fits', () => {
    expect(wrapCode('x'.repeat(25), 10)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
  });
});
