import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.js';
import type { Lab } from './lab-model.js';
import { labDir } from './locate-labs.js';
import { renderSolution, UnknownPlaceholderError } from './render-solution.js';
import type { SolutionVars } from './render-solution.js';

describe('renderSolution', () => {
  const template = [
    'aws kinesis create-stream --stream-name {{stream}} --shard-count {{shardCount}} --region {{region}}{{cliEndpoint}}',
    'new KinesisClient({ region: "{{region}}"{{tsEndpoint}} })',
    'boto3.client("kinesis", region_name="{{region}}"{{pyEndpoint}})',
  ].join('\n');

  it('fills every placeholder for the sandbox', () => {
    expect(renderSolution(template, { stream: 'input-stream', region: 'ap-northeast-2', shardCount: 2, endpoint: 'http://127.0.0.1:4567' })).toBe(
      [
        'aws kinesis create-stream --stream-name input-stream --shard-count 2 --region ap-northeast-2 --endpoint-url http://127.0.0.1:4567',
        'new KinesisClient({ region: "ap-northeast-2", endpoint: "http://127.0.0.1:4567" })',
        'boto3.client("kinesis", region_name="ap-northeast-2", endpoint_url="http://127.0.0.1:4567")',
      ].join('\n'),
    );
  });

  it('drops the endpoint on real AWS and defaults to one shard', () => {
    expect(renderSolution(template, { stream: 'my.stream_1', region: 'us-east-1' })).toBe(
      [
        'aws kinesis create-stream --stream-name my.stream_1 --shard-count 1 --region us-east-1',
        'new KinesisClient({ region: "us-east-1" })',
        'boto3.client("kinesis", region_name="us-east-1")',
      ].join('\n'),
    );
  });

  it('leaves single braces alone', () => {
    expect(renderSolution('{"a": {"b": "{{stream}}"}}', { stream: 's', region: 'r' })).toBe('{"a": {"b": "s"}}');
  });

  it('throws on an unknown placeholder, naming it and its line', () => {
    const render = () => renderSolution('line one\n--region {{Region}}', { stream: 's', region: 'r' });
    expect(render).toThrow(UnknownPlaceholderError);
    expect(render).toThrow('unknown placeholder {{Region}} on line 2 (known: stream, region, shardCount, cliEndpoint, tsEndpoint, pyEndpoint, file, iamWaitSeconds, pipeName, pipeRole, pipeTarget)');
  });

  it('does not mistake inherited object keys for placeholders', () => {
    expect(() => renderSolution('{{constructor}}', { stream: 's', region: 'r' })).toThrow('unknown placeholder {{constructor}}');
  });
});

describe('the shipped solutions', () => {
  const sandbox: SolutionVars = { stream: 'input-stream', region: 'us-east-1', shardCount: 1, endpoint: 'http://127.0.0.1:4567' };
  const realAws: SolutionVars = { stream: 'input-stream', region: 'ap-northeast-2', shardCount: 1 };
  let lab: Lab;
  let scratch: string;

  beforeAll(async () => {
    lab = await loadLab(labDir('kinesis-data-streams'), {
      checkKinds: new Set(['stream-active', 'records-in-stream', 'put-records-landed', 'put-metrics-visible', 'pipe-delivering']),
      actionKinds: new Set(['create-stream', 'produce', 'metrics-sample', 'create-pipe']),
    });
    scratch = await mkdtemp(join(tmpdir(), 'kinesis-lab-solutions-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const cases = (['sandbox', 'real AWS'] as const).flatMap((where) =>
    ['create-stream', 'put-record', 'put-records', 'metrics', 'pipe'].map((step) => ({ where, step, vars: where === 'sandbox' ? sandbox : realAws })),
  );

  it.each(cases)('$step renders for $where with no placeholder left', ({ step, vars }) => {
    const solution = lab.steps.find((s) => s.id === step)?.solution;
    expect(solution).toBeDefined();
    const templates: string[] = Object.values(solution!);
    for (const template of templates) {
      const text = renderSolution(template, vars);
      expect(text).not.toContain('{{');
      expect(text).toContain('input-stream');
      if (vars.endpoint) expect(text).toContain('http://127.0.0.1:4567');
      else expect(text).not.toContain('127.0.0.1');
    }
  });

  it.each(cases)('$step Python compiles for $where', async ({ step, where, vars }) => {
    const file = join(scratch, `${step}-${where.replace(' ', '-')}.py`);
    await writeFile(file, renderSolution(lab.steps.find((s) => s.id === step)!.solution!.python, vars));
    // py_compile exits non-zero with the syntax error on stderr, which execFileSync turns into a throw.
    expect(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' })).not.toThrow();
  });

  it.each(cases)('$step TypeScript parses for $where', ({ step, vars }) => {
    const source = renderSolution(lab.steps.find((s) => s.id === step)!.solution!.typescript, vars);
    const output = ts.transpileModule(source, {
      reportDiagnostics: true,
      fileName: `${step}.ts`,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    expect(output.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it.each(cases)('$step shell script parses for $where', async ({ step, where, vars }) => {
    const file = join(scratch, `${step}-${where.replace(' ', '-')}.sh`);
    await writeFile(file, renderSolution(lab.steps.find((s) => s.id === step)!.solution!.cli, vars));
    expect(() => execFileSync('bash', ['-n', file], { stdio: 'pipe' })).not.toThrow();
  });

  it('a Python syntax error would be caught', async () => {
    // Guards the test above against passing vacuously (e.g. if python3 ignored the file).
    const file = join(scratch, 'broken.py');
    await writeFile(file, 'print("unclosed"\n');
    expect(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' })).toThrow();
  });
});
