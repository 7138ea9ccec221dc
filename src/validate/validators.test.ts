import { describe, expect, it } from 'vitest';
import type { Localized } from '../i18n/lang.js';
import { suggestRegions, validateRegion } from './region.js';
import { validatePipeFilter, validatePipeFilters } from './pipe-filter.js';
import { validateBatchSize, validateDuration, validateRate, validateRecordCount } from './producer-options.js';
import { validateShardCount } from './shard-count.js';
import { validateStreamName } from './stream-name.js';
import type { Validation } from './validation-error.js';

const NAME_RULE_EN = 'use letters, digits, _ . - (1–128 characters).';
const NAME_RULE_KO = '영문자, 숫자, _ . - 만 쓸 수 있습니다(1–128자).';
const REGION_EN = 'use a region code such as ap-northeast-2 (Seoul) or us-east-1 (N. Virginia).';
const REGION_KO = 'ap-northeast-2(서울), us-east-1(버지니아 북부) 같은 리전 코드를 쓰세요.';
const SHARDS_EN = 'use a whole number from 1 to 50.';
const SHARDS_KO = '1부터 50까지의 정수를 쓰세요.';
const DURATION_EN = 'write it like 30s, 2m, 1m30s or 90 (seconds), from 1 second to 60 minutes.';
const DURATION_KO = '30s, 2m, 1m30s, 90(초)처럼 쓰고, 1초부터 60분까지 정할 수 있습니다.';
const RATE_EN = 'use records per second, more than 0 and at most 10,000 (e.g. 10 or 0.5).';
const RATE_KO = '초당 레코드 수를 0보다 크고 10,000 이하로 쓰세요(예: 10, 0.5).';
const EXAMPLE = '{"data": {"city": ["Seoul"]}}';

type Row = [label: string, run: () => Validation<unknown>, en: string, ko: string];

const BAD_INPUTS: Row[] = [
  ['empty stream name', () => validateStreamName(''), `Stream name is empty; ${NAME_RULE_EN}`, `스트림 이름이 비어 있습니다. ${NAME_RULE_KO}`],
  ['space', () => validateStreamName('my stream'), `Stream name "my stream" has a space; ${NAME_RULE_EN}`, `스트림 이름 "my stream"에 공백이 있습니다. ${NAME_RULE_KO}`],
  ['pasted line break', () => validateStreamName('input-stream\n'), `Stream name "input-stream\\n" has a line break; ${NAME_RULE_EN}`, `스트림 이름 "input-stream\\n"에 줄바꿈이 있습니다. ${NAME_RULE_KO}`],
  ['tab', () => validateStreamName('input\tstream'), `Stream name "input\\tstream" has a tab; ${NAME_RULE_EN}`, `스트림 이름 "input\\tstream"에 탭 문자가 있습니다. ${NAME_RULE_KO}`],
  ['slash', () => validateStreamName('input/stream'), `Stream name "input/stream" has "/" at position 6; ${NAME_RULE_EN}`, `스트림 이름 "input/stream"에 쓸 수 없는 문자 "/"(6번째 글자)가 있습니다. ${NAME_RULE_KO}`],
  ['Hangul', () => validateStreamName('입력스트림'), `Stream name "입력스트림" has "입" at position 1; ${NAME_RULE_EN}`, `스트림 이름 "입력스트림"에 쓸 수 없는 문자 "입"(1번째 글자)가 있습니다. ${NAME_RULE_KO}`],
  ['an ARN instead of a name', () => validateStreamName('arn:aws:kinesis:us-east-1:123456789012:stream/x'), `Stream name "arn:aws:kinesis:us-east-1:123456789012:…" has ":" at position 4; ${NAME_RULE_EN}`, `스트림 이름 "arn:aws:kinesis:us-east-1:123456789012:…"에 쓸 수 없는 문자 ":"(4번째 글자)가 있습니다. ${NAME_RULE_KO}`],
  ['129 characters', () => validateStreamName('a'.repeat(129)), `Stream name "${'a'.repeat(39)}…" is 129 characters long; ${NAME_RULE_EN}`, `스트림 이름 "${'a'.repeat(39)}…"의 길이가 129자입니다. ${NAME_RULE_KO}`],

  ['empty region', () => validateRegion(''), `Region is empty; ${REGION_EN}`, `리전이 비어 있습니다. ${REGION_KO}`],
  ['ap-northeast2', () => validateRegion('ap-northeast2'), 'Region "ap-northeast2" is not an AWS region code; did you mean "ap-northeast-2"?', '리전 "ap-northeast2" 값은 AWS 리전 코드가 아닙니다. 혹시 "ap-northeast-2" 리전을 말씀하신 건가요?'],
  ['us-east1', () => validateRegion('us-east1'), 'Region "us-east1" is not an AWS region code; did you mean "us-east-1"?', '리전 "us-east1" 값은 AWS 리전 코드가 아닙니다. 혹시 "us-east-1" 리전을 말씀하신 건가요?'],
  ['upper case', () => validateRegion('AP-NORTHEAST-2'), 'Region "AP-NORTHEAST-2" is not an AWS region code; did you mean "ap-northeast-2"?', '리전 "AP-NORTHEAST-2" 값은 AWS 리전 코드가 아닙니다. 혹시 "ap-northeast-2" 리전을 말씀하신 건가요?'],
  ['ap-northest-2', () => validateRegion('ap-northest-2'), 'Region "ap-northest-2" is not an AWS region code; did you mean "ap-northeast-2"?', '리전 "ap-northest-2" 값은 AWS 리전 코드가 아닙니다. 혹시 "ap-northeast-2" 리전을 말씀하신 건가요?'],
  ['us-east-3', () => validateRegion('us-east-3'), 'Region "us-east-3" is not an AWS region code; did you mean "us-east-1" or "us-east-2"?', '리전 "us-east-3" 값은 AWS 리전 코드가 아닙니다. 혹시 "us-east-1" 또는 "us-east-2" 리전을 말씀하신 건가요?'],
  ['seoul', () => validateRegion('seoul'), 'Region "seoul" is a place name; the code of Asia Pacific (Seoul) is "ap-northeast-2".', '리전 "seoul" 값은 리전 코드가 아니라 장소 이름입니다. 아시아 태평양(서울) 리전의 코드는 "ap-northeast-2"입니다.'],
  ['서울', () => validateRegion('서울'), 'Region "서울" is a place name; the code of Asia Pacific (Seoul) is "ap-northeast-2".', '리전 "서울" 값은 리전 코드가 아니라 장소 이름입니다. 아시아 태평양(서울) 리전의 코드는 "ap-northeast-2"입니다.'],
  ['N. Virginia', () => validateRegion('N. Virginia'), 'Region "N. Virginia" is a place name; the code of US East (N. Virginia) is "us-east-1".', '리전 "N. Virginia" 값은 리전 코드가 아니라 장소 이름입니다. 미국 동부(버지니아 북부) 리전의 코드는 "us-east-1"입니다.'],
  ['an Availability Zone', () => validateRegion('ap-northeast-2a'), '"ap-northeast-2a" is an Availability Zone, not a region; use "ap-northeast-2".', '"ap-northeast-2a" 값은 리전이 아니라 가용 영역(AZ) 이름입니다. 리전 코드로 "ap-northeast-2" 값을 쓰세요.'],
  ['well-formed but unknown', () => validateRegion('mars-north-1'), `Region "mars-north-1" is not a region this lab knows; ${REGION_EN}`, `리전 "mars-north-1" 값은 이 실습이 아는 리전이 아닙니다. ${REGION_KO}`],
  ['not a region at all', () => validateRegion('korea south'), `Region "korea south" is not an AWS region code; ${REGION_EN}`, `리전 "korea south" 값은 AWS 리전 코드가 아닙니다. ${REGION_KO}`],

  ['empty shard count', () => validateShardCount(''), `Shard count is empty; ${SHARDS_EN}`, `샤드 수가 비어 있습니다. ${SHARDS_KO}`],
  ['0 shards', () => validateShardCount('0'), `Shard count "0" is less than 1; ${SHARDS_EN}`, `샤드 수 "0" 값이 1보다 작습니다. ${SHARDS_KO}`],
  ['-1 shards (a number)', () => validateShardCount(-1), `Shard count "-1" is less than 1; ${SHARDS_EN}`, `샤드 수 "-1" 값이 1보다 작습니다. ${SHARDS_KO}`],
  ['2.5 shards', () => validateShardCount('2.5'), `Shard count "2.5" is not a whole number; ${SHARDS_EN}`, `샤드 수 "2.5" 값은 정수가 아닙니다. ${SHARDS_KO}`],
  ['"two" shards', () => validateShardCount('two'), `Shard count "two" is not a number; ${SHARDS_EN}`, `샤드 수 "two" 값은 숫자가 아닙니다. ${SHARDS_KO}`],
  [
    '1000 shards',
    () => validateShardCount('1000'),
    'Shard count "1000" is more than 50; the lab never needs that many and each shard is billed by the hour. Use a whole number from 1 to 50.',
    `샤드 수 "1000" 값이 50보다 큽니다. 실습에는 그렇게 많이 필요하지 않고 샤드마다 시간당 요금이 붙습니다. ${SHARDS_KO}`,
  ],

  ['0 records', () => validateRecordCount('0'), 'Record count "0" is less than 1; use a whole number from 1 to 1,000,000.', '레코드 수 "0" 값이 1보다 작습니다. 1부터 1,000,000까지의 정수를 쓰세요.'],
  ['1e3 records', () => validateRecordCount('1e3'), 'Record count "1e3" is not a number; use a whole number from 1 to 1,000,000.', '레코드 수 "1e3" 값은 숫자가 아닙니다. 1부터 1,000,000까지의 정수를 쓰세요.'],
  ['2,000,000 records', () => validateRecordCount('2000000'), 'Record count "2000000" is more than 1,000,000; use a whole number from 1 to 1,000,000.', '레코드 수 "2000000" 값이 1,000,000보다 큽니다. 1부터 1,000,000까지의 정수를 쓰세요.'],
  ['duration 2x', () => validateDuration('2x'), `Duration "2x" is not a duration; ${DURATION_EN}`, `실행 시간 "2x" 값을 읽을 수 없습니다. ${DURATION_KO}`],
  ['duration 30s2m (units out of order)', () => validateDuration('30s2m'), `Duration "30s2m" is not a duration; ${DURATION_EN}`, `실행 시간 "30s2m" 값을 읽을 수 없습니다. ${DURATION_KO}`],
  ['duration 0s', () => validateDuration('0s'), `Duration "0s" is shorter than 1 second; ${DURATION_EN}`, `실행 시간 "0s" 값이 1초보다 짧습니다. ${DURATION_KO}`],
  ['duration 2h', () => validateDuration('2h'), `Duration "2h" is longer than 60 minutes; ${DURATION_EN}`, `실행 시간 "2h" 값이 60분보다 깁니다. ${DURATION_KO}`],
  ['empty duration', () => validateDuration(''), `Duration is empty; ${DURATION_EN}`, `실행 시간이 비어 있습니다. ${DURATION_KO}`],
  ['rate 0', () => validateRate('0'), `Rate "0" is not more than 0; ${RATE_EN}`, `전송 속도 "0" 값은 0보다 커야 합니다. ${RATE_KO}`],
  ['rate fast', () => validateRate('fast'), `Rate "fast" is not a number; ${RATE_EN}`, `전송 속도 "fast" 값은 숫자가 아닙니다. ${RATE_KO}`],
  ['rate 20000', () => validateRate('20000'), `Rate "20000" is more than 10,000; ${RATE_EN}`, `전송 속도 "20000" 값이 10,000보다 큽니다. ${RATE_KO}`],
  ['batch 501', () => validateBatchSize('501'), 'Batch size "501" is more than 500, the PutRecords limit; use a whole number from 1 to 500.', '배치 크기 "501" 값이 PutRecords 한도인 500보다 큽니다. 1부터 500까지의 정수를 쓰세요.'],
  ['batch 0', () => validateBatchSize('0'), 'Batch size "0" is less than 1; use a whole number from 1 to 500.', '배치 크기 "0" 값이 1보다 작습니다. 1부터 500까지의 정수를 쓰세요.'],
  ['batch 10.5', () => validateBatchSize('10.5'), 'Batch size "10.5" is not a whole number; use a whole number from 1 to 500.', '배치 크기 "10.5" 값은 정수가 아닙니다. 1부터 500까지의 정수를 쓰세요.'],

  ['empty filter', () => validatePipeFilter(' '), `Filter pattern is empty; write a JSON object such as ${EXAMPLE}.`, `필터 패턴이 비어 있습니다. ${EXAMPLE} 같은 JSON 객체를 쓰세요.`],
  [
    'filter missing a brace',
    () => validatePipeFilter('{"data": {"city": ["Seoul"]}'),
    `Filter pattern is not valid JSON at line 1, column 29: expected ',' or '}' after a property value, found end of file.\n  {"data": {"city": ["Seoul"]}\n  ${' '.repeat(28)}^`,
    `필터 패턴의 1행 29열이 올바른 JSON이 아닙니다(expected ',' or '}' after a property value, found end of file).\n  {"data": {"city": ["Seoul"]}\n  ${' '.repeat(28)}^`,
  ],
  [
    'filter with single quotes, on the second line',
    () => validatePipeFilter("{\n  'data': 1\n}"),
    "Filter pattern is not valid JSON at line 2, column 3: expected a double-quoted property name, found '''.\n    'data': 1\n    ^",
    "필터 패턴의 2행 3열이 올바른 JSON이 아닙니다(expected a double-quoted property name, found ''').\n    'data': 1\n    ^",
  ],
  ['filter that is an array', () => validatePipeFilter('[1, 2]'), `Filter pattern must be a JSON object such as ${EXAMPLE}; this one is an array.`, `필터 패턴은 ${EXAMPLE} 같은 JSON 객체여야 합니다. 지금 값은 배열입니다.`],
  [
    'filter value that is not a list',
    () => validatePipeFilter('{"data": {"city": "Seoul"}}'),
    'Filter pattern has a problem at $.data.city: "city" must be an object or an array, not a string.',
    '필터 패턴의 $.data.city 위치에 문제가 있습니다: "city" must be an object or an array, not a string.',
  ],
  [
    'a filter with an operator pipes do not take',
    () => validatePipeFilter('{"data": {"city": [{"anything-but": {"prefix": "Se"}}]}}'),
    'Filter pattern has a problem at $.data.city[0]["anything-but"].prefix: anything-but with prefix is not supported in EventBridge Pipes filters (only on event buses).',
    '필터 패턴의 $.data.city[0]["anything-but"].prefix 위치에 문제가 있습니다: anything-but with prefix is not supported in EventBridge Pipes filters (only on event buses).',
  ],
  ['filter of 4,097 characters', () => validatePipeFilter(`{"data": {"city": ["${'x'.repeat(4073)}"]}}`), 'Filter pattern is 4097 characters; the limit is 4096.', '필터 패턴이 4097자입니다. 최대 4096자까지 쓸 수 있습니다.'],
  ['six filters', () => validatePipeFilters(Array.from({ length: 6 }, () => EXAMPLE)), 'A pipe takes at most 5 filters; there are 6.', '파이프 필터는 최대 5개까지입니다. 지금 6개가 있습니다.'],
  [
    'the second of two filters',
    () => validatePipeFilters([EXAMPLE, '{']),
    "Filter 2: Filter pattern is not valid JSON at line 1, column 2: expected a double-quoted property name, found end of file.\n  {\n   ^",
    "필터 2: 필터 패턴의 1행 2열이 올바른 JSON이 아닙니다(expected a double-quoted property name, found end of file).\n  {\n   ^",
  ],
];

describe('input validation: bad inputs get exact messages in both languages', () => {
  it('covers at least 30 bad inputs', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_INPUTS)('%s', (_label, run, en, ko) => {
    const result = run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toEqual<Localized>({ en, ko });
  });
});

describe('input validation: good inputs pass with their parsed value', () => {
  it.each([
    [() => validateStreamName('input-stream'), 'input-stream'],
    [() => validateStreamName('Input_Stream.v2'), 'Input_Stream.v2'],
    [() => validateStreamName('a'.repeat(128)), 'a'.repeat(128)],
    [() => validateRegion('ap-northeast-2'), 'ap-northeast-2'],
    [() => validateRegion('cn-north-1'), 'cn-north-1'],
    [() => validateShardCount('1'), 1],
    [() => validateShardCount(50), 50],
    [() => validateRecordCount('200'), 200],
    [() => validateDuration('30s'), 30_000],
    [() => validateDuration('2m'), 120_000],
    [() => validateDuration('1m30s'), 90_000],
    [() => validateDuration('90'), 90_000],
    [() => validateDuration('1h'), 3_600_000],
    [() => validateRate('0.5'), 0.5],
    [() => validateRate('1000'), 1000],
    [() => validateBatchSize('500'), 500],
    [() => validatePipeFilter(EXAMPLE), { data: { city: ['Seoul'] } }],
    [() => validatePipeFilters([]), []],
  ] as [() => Validation<unknown>, unknown][])('case %#', (run, value) => {
    expect(run()).toEqual({ ok: true, value });
  });

  it('keeps the input exactly as given on failure, for highlighting', () => {
    expect(validateStreamName(' input-stream')).toMatchObject({ ok: false, input: ' input-stream' });
  });
});

describe('suggestRegions', () => {
  it('finds regions without hyphens and ignores distant strings', () => {
    expect(suggestRegions('apnortheast2')).toEqual(['ap-northeast-2']);
    expect(suggestRegions('eu-west-4')).toEqual(['eu-west-1', 'eu-west-2']);
    expect(suggestRegions('frankfurt')).toEqual([]);
  });
});
