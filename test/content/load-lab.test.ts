import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECK_KINDS } from '../../src/checks/check-registry.js';
import { LabLoadError, loadLab } from '../../src/content/load-lab.js';
import type { KnownKinds } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';

const LAB_ID = 'kinesis-data-streams';
const shippedDir = labDir(LAB_ID);

/** The kinds the engine implements for the playable steps (coming-next checks may be unknown). */
const known: KnownKinds = {
  checkKinds: new Set(['stream-active', 'records-in-stream', 'put-records-landed', 'put-metrics-visible', 'pipe-delivering']),
  actionKinds: new Set(['create-stream', 'produce', 'metrics-sample', 'create-pipe']),
  panelKinds: new Set(['metrics', 'pipe']),
};

describe('the shipped lab', () => {
  it('loads with the kinds the engine registers today', async () => {
    // The real registries, not the list above: a kind renamed on either side fails here first.
    const lab = await loadLab(shippedDir, { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
    for (const step of lab.steps.filter((s) => !s.comingNext)) {
      expect(CHECK_KINDS.has(step.check!.kind), step.id).toBe(true);
      if (step.action) expect(ACTION_KINDS.has(step.action.kind), step.id).toBe(true);
    }
  });

  it('loads with the steps, kinds and params the engine expects', async () => {
    const lab = await loadLab(shippedDir, known);

    expect(lab.id).toBe(LAB_ID);
    expect(lab.dir).toBe(shippedDir);
    expect(lab.steps.map((s) => [s.id, s.check?.kind, s.action?.kind, s.comingNext])).toEqual([
      ['create-stream', 'stream-active', 'create-stream', false],
      ['put-record', 'records-in-stream', 'produce', false],
      ['put-records', 'put-records-landed', 'produce', false],
      ['metrics', 'put-metrics-visible', 'metrics-sample', false],
      ['pipe', 'pipe-delivering', 'create-pipe', false],
    ]);
    expect(lab.steps.map((s) => s.action?.params)).toEqual([
      { shardCount: 1, mode: 'PROVISIONED' },
      { api: 'put-record', count: 200 },
      { api: 'put-records', count: 5000, batchSize: 500 },
      { putRecordCount: 100, putRecordsCount: 500, batchSize: 100 },
      { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1, maximumRetryAttempts: 10, bisectOnFailure: true },
    ]);
    // The check compares the pipe with the same settings "do it for me" creates.
    expect(lab.steps[4]?.check?.params).toEqual(lab.steps[4]?.action?.params);
  });

  it('gives every step a title, a body and hints in both languages', async () => {
    const lab = await loadLab(shippedDir, known);
    for (const step of lab.steps) {
      for (const lang of ['en', 'ko'] as const) {
        expect(step.title[lang].trim(), `${step.id} title ${lang}`).not.toBe('');
        expect(step.body[lang], `${step.id} body ${lang}`).toMatch(/^# \S/);
        // Concise enough for a terminal: the brief asks for about 25–60 lines per step.
        const lines = step.body[lang].trimEnd().split('\n').length;
        expect(lines, `${step.id}/${lang}.md lines`).toBeGreaterThanOrEqual(25);
        expect(lines, `${step.id}/${lang}.md lines`).toBeLessThanOrEqual(60);
      }
      expect(step.hints.length, `${step.id} hints`).toBeGreaterThan(0);
    }
  });

  it('ships all three solutions for every step with an action', async () => {
    const lab = await loadLab(shippedDir, known);
    for (const step of lab.steps.filter((s) => s.action)) {
      expect(step.solution?.cli, step.id).toContain('aws ');
      expect(step.solution?.typescript, step.id).toMatch(step.id === 'metrics' ? /@aws-sdk\/client-cloudwatch/ : /@aws-sdk\/client-kinesis/);
      expect(step.solution?.python, step.id).toContain('import boto3');
    }
  });

  it('tells each step what its check looks at, in both languages', async () => {
    const lab = await loadLab(shippedDir, known);
    for (const step of lab.steps) {
      expect(step.body.en, step.id).toMatch(/^## What the check (will )?look/m);
      expect(step.body.ko, step.id).toMatch(/^## 자동 확인이 (보는|볼) 것/m);
    }
  });
});

describe('a broken lab', () => {
  let root: string;
  let dir: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kinesis-lab-content-'));
    dir = join(root, LAB_ID);
    await cp(shippedDir, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  type Manifest = { steps: Record<string, unknown>[] } & Record<string, unknown>;
  async function editManifest(edit: (manifest: Manifest) => void): Promise<void> {
    const file = join(dir, 'lab.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    edit(manifest);
    await writeFile(file, JSON.stringify(manifest, null, 2));
  }

  async function loadError(): Promise<LabLoadError> {
    const error = await loadLab(dir, known).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabLoadError);
    return error as LabLoadError;
  }

  it('reports a JSON syntax error with its line and column', async () => {
    // Line 3 loses its trailing comma, so the parser stumbles on the next property.
    const file = join(dir, 'lab.json');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    expect(lines[2]).toBe('  "id": "kinesis-data-streams",');
    lines[2] = '  "id": "kinesis-data-streams"';
    await writeFile(file, lines.join('\n'));

    const error = await loadError();
    expect(error.file).toBe(file);
    expect(error.field).toBeUndefined();
    expect(error.message).toBe(`${file}: invalid JSON at line 4, column 3: expected ',' or '}' after a property value, found '"'`);
  });

  it('reports a trailing comma', async () => {
    const file = join(dir, 'lab.json');
    await writeFile(file, '{\n  "formatVersion": 1,\n}\n');
    expect((await loadError()).message).toBe(`${file}: invalid JSON at line 3, column 1: expected a double-quoted property name, found '}'`);
  });

  it('names the path of a missing field', async () => {
    await editManifest((m) => {
      delete (m.steps[2] as { check?: { kind?: string } }).check?.kind;
    });
    const error = await loadError();
    expect(error.file).toBe(join(dir, 'lab.json'));
    expect(error.field).toBe('steps[2].check.kind');
    expect(error.message).toBe(`${join(dir, 'lab.json')}: steps[2].check.kind: is required`);
  });

  it('names a missing Korean title', async () => {
    await editManifest((m) => {
      delete (m.steps[1] as { title: { ko?: string } }).title.ko;
    });
    expect((await loadError()).field).toBe('steps[1].title.ko');
  });

  it('rejects an unknown format version and unknown fields', async () => {
    await editManifest((m) => {
      m.formatVersion = 2;
    });
    expect((await loadError()).message).toBe(`${join(dir, 'lab.json')}: formatVersion: invalid literal value, expected 1`);

    await editManifest((m) => {
      m.formatVersion = 1;
      m.steps[0]!.hint = 'typo of hints';
    });
    expect((await loadError()).message).toBe(`${join(dir, 'lab.json')}: steps[0]: unknown field "hint"`);
  });

  it('requires a check on a playable step', async () => {
    await editManifest((m) => {
      delete m.steps[1]!.check;
    });
    expect((await loadError()).message).toBe(`${join(dir, 'lab.json')}: steps[1].check: is required unless the step is comingNext`);
  });

  it('rejects a duplicate step id', async () => {
    await editManifest((m) => {
      m.steps[3]!.id = 'put-record';
    });
    const error = await loadError();
    expect(error.field).toBe('steps[3].id');
    expect(error.message).toBe(`${join(dir, 'lab.json')}: steps[3].id: duplicate step id "put-record" (also steps[1].id)`);
  });

  it('rejects an unknown check kind on a playable step', async () => {
    await editManifest((m) => {
      m.steps[0]!.check = { kind: 'stream-actve' };
    });
    const error = await loadError();
    expect(error.field).toBe('steps[0].check.kind');
    expect(error.message).toBe(
      `${join(dir, 'lab.json')}: steps[0].check.kind: unknown check kind "stream-actve" (known: pipe-delivering, put-metrics-visible, put-records-landed, records-in-stream, stream-active)`,
    );
  });

  it('rejects an unknown action kind on a playable step', async () => {
    await editManifest((m) => {
      m.steps[1]!.action = { kind: 'send-records' };
    });
    const error = await loadError();
    expect(error.field).toBe('steps[1].action.kind');
    expect(error.message).toBe(
      `${join(dir, 'lab.json')}: steps[1].action.kind: unknown action kind "send-records" (known: create-pipe, create-stream, metrics-sample, produce)`,
    );
  });

  it('lets a coming-next step name a check and an action the engine does not have yet', async () => {
    await editManifest((m) => {
      m.steps[4]!.comingNext = true;
      m.steps[4]!.check = { kind: 'pipe-delivering-v2' };
      m.steps[4]!.action = { kind: 'make-pipe' };
    });
    const lab = await loadLab(dir, known);
    expect(lab.steps[4]).toMatchObject({ comingNext: true, check: { kind: 'pipe-delivering-v2' }, action: { kind: 'make-pipe' } });
  });

  it('gives the metrics step its panel, and rejects a panel kind the screen does not have', async () => {
    expect((await loadLab(dir, known)).steps.map((s) => s.panel)).toEqual([undefined, undefined, undefined, { kind: 'metrics', params: {} }, { kind: 'pipe', params: {} }]);
    await editManifest((m) => {
      m.steps[3]!.panel = { kind: 'metric' };
    });
    const error = await loadError();
    expect(error.field).toBe('steps[3].panel.kind');
    expect(error.message).toBe(`${join(dir, 'lab.json')}: steps[3].panel.kind: unknown panel kind "metric" (known: metrics, pipe)`);
  });

  it('lets a coming-next step name a panel the screen does not have yet, and skips panels when no kinds are given', async () => {
    await editManifest((m) => {
      m.steps[4]!.comingNext = true;
      m.steps[4]!.panel = { kind: 'pipe-v2' };
      m.steps[3]!.panel = { kind: 'chart' };
    });
    const { panelKinds: _ignored, ...withoutPanels } = known;
    expect((await loadLab(dir, withoutPanels)).steps.map((s) => s.panel?.kind)).toEqual([undefined, undefined, undefined, 'chart', 'pipe-v2']);
    await editManifest((m) => {
      m.steps[3]!.panel = { kind: 'metrics' };
    });
    expect((await loadLab(dir, known)).steps[4]!.panel).toEqual({ kind: 'pipe-v2', params: {} });
  });

  it('rejects a panel without a kind', async () => {
    await editManifest((m) => {
      m.steps[3]!.panel = { params: {} };
    });
    expect((await loadError()).message).toBe(`${join(dir, 'lab.json')}: steps[3].panel.kind: is required`);
  });

  it('rejects a lab whose id is not its folder name', async () => {
    await editManifest((m) => {
      m.id = 'kinesis';
    });
    expect((await loadError()).message).toBe(`${join(dir, 'lab.json')}: id: "kinesis" must equal the lab's folder name "${LAB_ID}"`);
  });

  it('names a missing ko.md', async () => {
    const file = join(dir, 'steps', 'put-records', 'ko.md');
    await rm(file);
    const error = await loadError();
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}: file not found`);
  });

  it('names an empty step text', async () => {
    const file = join(dir, 'steps', 'metrics', 'en.md');
    await writeFile(file, '  \n\n');
    expect((await loadError()).message).toBe(`${file}: the step text is empty`);
  });

  it('requires every solution of a step with an action', async () => {
    const file = join(dir, 'steps', 'create-stream', 'solution.py');
    await rm(file);
    expect((await loadError()).message).toBe(`${file}: missing (the step has an action, so it needs a solution)`);
  });

  it('catches a placeholder typo in a solution', async () => {
    const file = join(dir, 'steps', 'put-record', 'solution.sh');
    await writeFile(file, '# send\naws kinesis put-record --stream-name {{steam}} --region {{region}}\n');
    expect((await loadError()).message).toBe(
      `${file}: unknown placeholder {{steam}} on line 2 (known: stream, region, shardCount, cliEndpoint, tsEndpoint, pyEndpoint, file, iamWaitSeconds, pipeName, pipeRole, pipeTarget)`,
    );
  });

  it('reports a missing lab.json', async () => {
    await rm(join(dir, 'lab.json'));
    expect((await loadError()).message).toBe(`${join(dir, 'lab.json')}: file not found`);
  });

  it('loads a new lab made only of known kinds, with no solutions for a step without an action', async () => {
    const other = join(root, 'tiny-lab');
    await cp(join(dir, 'steps', 'metrics'), join(other, 'steps', 'look'), { recursive: true });
    for (const name of ['solution.sh', 'solution.ts', 'solution.py']) await rm(join(other, 'steps', 'look', name));
    await writeFile(
      join(other, 'lab.json'),
      JSON.stringify({
        formatVersion: 1,
        id: 'tiny-lab',
        title: { en: 'Tiny', ko: '작은 실습' },
        summary: { en: 'One step.', ko: '한 단계.' },
        steps: [{ id: 'look', title: { en: 'Look', ko: '보기' }, check: { kind: 'stream-active', params: { stream: 'x' } } }],
      }),
    );
    const lab = await loadLab(other, known);
    expect(lab.steps).toEqual([
      {
        id: 'look',
        title: { en: 'Look', ko: '보기' },
        body: { en: await readFile(join(other, 'steps', 'look', 'en.md'), 'utf8'), ko: await readFile(join(other, 'steps', 'look', 'ko.md'), 'utf8') },
        check: { kind: 'stream-active', params: { stream: 'x' } },
        hints: [],
        comingNext: false,
      },
    ]);
  });
});
