/**
 * One term, one Korean word: every Korean text the learner reads (the catalogs, diagnoses, checks,
 * help, doctor, and the lab's ko.md and lab.json) uses the glossary's word and none of its variants.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The word we use, and the variants that must not appear (a regular expression each). */
const GLOSSARY: { term: string; ko: string; not: RegExp[] }[] = [
  { term: 'profile', ko: '프로필', not: [/프로파일/] },
  { term: 'the lab runner', ko: 'kinesis-lab', not: [/러너/] },
  { term: 'metric', ko: '지표', not: [/메트릭/, /측정\s?항목/] },
  { term: 'target', ko: '대상', not: [/타깃/, /타겟/] },
  { term: 'producer', ko: '프로듀서', not: [/생산자/] },
  { term: 'consumer', ko: '컨슈머', not: [/소비자/] },
  { term: 'throttling', ko: '스로틀링', not: [/쓰로틀/, /스로틀(?!링)/] },
  { term: 'partition key', ko: '파티션 키', not: [/파티션키/] },
  { term: 'sequence number', ko: '시퀀스 번호', not: [/시퀀스넘버/, /일련\s?번호/] },
  { term: 'endpoint', ko: '엔드포인트', not: [/엔드 포인트/] },
  { term: 'on-demand', ko: '온디맨드', not: [/온 디맨드/] },
  { term: 'provisioned', ko: '프로비저닝', not: [/프로비전드/] },
  { term: 'log group', ko: '로그 그룹', not: [/로그그룹/] },
  { term: 'region', ko: '리전', not: [/지역/] },
  { term: 'execution role', ko: '실행 역할', not: [/실행 롤/] },
  { term: 'object particle after a name', ko: '을 or 를 by the word before', not: [/을\(를\)/, /를\(을\)/] },
  { term: 'topic or subject particle after a name', ko: '은/는 or 이/가 by the word before', not: [/은\(는\)/, /이\(가\)/] },
  { term: 'direction particle after a name', ko: '로 or 으로 by the word before', not: [/\(으\)로/] },
];

async function filesUnder(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && keep(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('the Korean glossary', () => {
  it('finds one word per term in every Korean text', async () => {
    const sources = await filesUnder(join(ROOT, 'src'), (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
    const lab = await filesUnder(join(ROOT, 'labs'), (name) => name === 'ko.md' || name === 'lab.json');
    expect(sources.length).toBeGreaterThan(50);
    expect(lab.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of [...sources, ...lab]) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      const relative = file.slice(ROOT.length + 1);
      lines.forEach((line, i) => {
        if (!/[가-힣]/.test(line)) return;
        for (const { term, ko, not } of GLOSSARY) {
          for (const variant of not) if (variant.test(line)) found.push(`${relative}:${i + 1}: "${variant.source}" for ${term}; use ${ko}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('catches a variant (the check can fail)', () => {
    const profile = GLOSSARY.find((g) => g.term === 'profile')!;
    expect(profile.not.some((v) => v.test('AWS (프로파일 default)'))).toBe(true);
  });
});
