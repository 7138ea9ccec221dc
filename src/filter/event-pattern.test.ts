import { describe, expect, it } from 'vitest';
import { EventPatternError, compileEventPattern, matchesEventPattern } from './event-pattern.js';

// The EC2 state-change event used throughout AWS's pattern documentation and event-ruler's README.
const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2Event, detail: { ...ec2Event.detail, ...detail } });

type Case = [name: string, pattern: unknown, event: unknown, expected: boolean];

const cases: Case[] = [
  // Exact values, AND across fields, OR within a leaf array
  ['exact: docs simple pattern', { 'detail-type': ['EC2 Instance State-change Notification'], resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'], detail: { state: ['initializing', 'running'] } }, ec2Event, true],
  ['exact: one field differs fails the AND', { source: ['aws.ec2'], detail: { state: ['terminated'] } }, ec2Event, false],
  ['exact: any value of the leaf array', { source: ['aws.s3', 'aws.ec2'] }, ec2Event, true],
  ['exact: case matters', { source: ['AWS.EC2'] }, ec2Event, false],
  ['exact: missing field fails', { detail: { missing: ['x'] } }, ec2Event, false],
  ['exact: field must be at the same nesting', { state: ['running'] }, ec2Event, false],
  ['exact: numbers compare numerically (300 vs 300.0)', { detail: { 'x-limit': [300] } }, withDetail({ 'x-limit': 300.0 }), true],
  ['exact: 3.018e2 equals 301.8', { detail: { 'x-limit': [3.018e2] } }, ec2Event, true],
  ['exact: number pattern does not match a numeric string', { detail: { 'x-limit': [300] } }, withDetail({ 'x-limit': '300' }), false],
  ['exact: string pattern does not match a number', { detail: { 'c-count': ['5'] } }, ec2Event, false],
  ['exact: true matches boolean true only', { detail: { flag: [true] } }, withDetail({ flag: true }), true],
  ['exact: true does not match "true"', { detail: { flag: [true] } }, withDetail({ flag: 'true' }), false],

  // Null and empty string (docs: not interchangeable)
  ['null: [null] matches a null value', { detail: { responseElements: [null] } }, { detail: { eventVersion: '', responseElements: null } }, true],
  ['empty: [""] matches an empty string', { detail: { eventVersion: [''] } }, { detail: { eventVersion: '', responseElements: null } }, true],
  ['empty: [""] does not match null', { detail: { responseElements: [''] } }, { detail: { responseElements: null } }, false],
  ['null: [null] does not match ""', { detail: { eventVersion: [null] } }, { detail: { eventVersion: '' } }, false],
  ['null: [null] does not match a missing field', { detail: { gone: [null] } }, { detail: {} }, false],

  // Arrays in events
  ['arrays: docs resources intersection', { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f'] }, { resources: ['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:x', 'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] }, true],
  ['arrays: no common element', { resources: ['a'] }, { resources: ['b', 'c'] }, false],
  ['arrays: objects inside arrays are crushed', { employees: { firstName: ['Anna'] } }, { employees: [{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }] }, true],
  ['arrays: fields must come from the same element', { employees: { firstName: ['Anna'], lastName: ['Jones'] } }, { employees: [{ firstName: 'Anna', lastName: 'Smith' }, { firstName: 'Peter', lastName: 'Jones' }] }, false],
  ['arrays: multi-level arrays', { employees: { firstName: ['Peter'] } }, { employees: [[{ firstName: 'John' }], [{ firstName: 'Peter' }]] }, true],
  ['arrays: empty event array matches nothing', { tags: ['a'] }, { tags: [] }, false],

  // prefix
  ['prefix: docs time example', { time: [{ prefix: '2017-10-02' }] }, ec2Event, true],
  ['prefix: other day', { time: [{ prefix: '2017-10-03' }] }, ec2Event, false],
  ['prefix: only strings', { detail: { 'c-count': [{ prefix: '5' }] } }, ec2Event, false],
  ['prefix ignore case: EVENTB', { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, { detail: { service: 'EVENTBRIDGE' } }, true],
  ['prefix ignore case: eventb', { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, { detail: { service: 'eventbus' } }, true],
  ['prefix ignore case: different start', { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, { detail: { service: 'sqs' } }, false],

  // suffix
  ['suffix: .png', { FileName: [{ suffix: '.png' }] }, { FileName: 'photo.png' }, true],
  ['suffix: .PNG is case-sensitive', { FileName: [{ suffix: '.png' }] }, { FileName: 'photo.PNG' }, false],
  ['suffix ignore case: .PNG', { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, { detail: { FileName: 'photo.PNG' } }, true],
  ['suffix ignore case: .jpg', { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, { detail: { FileName: 'photo.jpg' } }, false],

  // equals-ignore-case
  ['equals-ignore-case: alice/Alice', { Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alice' }, true],
  ['equals-ignore-case: EC2 vs ec2 source', { source: [{ 'equals-ignore-case': 'AWS.EC2' }] }, ec2Event, true],
  ['equals-ignore-case: not a substring match', { Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' }, false],

  // wildcard
  ['wildcard: Simple*Service', { source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueService' }, true],
  ['wildcard: Simple*Service zero chars', { source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleService' }, true],
  ['wildcard: Simple*Service wrong end', { source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueServices' }, false],
  ['wildcard: dir/*.png', { FileName: [{ wildcard: 'dir/*.png' }] }, { FileName: 'dir/a/b.png' }, true],
  ['wildcard: *Title* in the middle', { t: [{ wildcard: '*Title*' }] }, { t: 'The Title Here' }, true],
  ['wildcard: escaped star is literal', { t: [{ wildcard: 'a\\*b' }] }, { t: 'a*b' }, true],
  ['wildcard: escaped star is not a wildcard', { t: [{ wildcard: 'a\\*b' }] }, { t: 'axxb' }, false],
  ['wildcard: escaped backslash', { t: [{ wildcard: 'a\\\\*' }] }, { t: 'a\\zz' }, true],
  ['wildcard: regex characters are literal', { t: [{ wildcard: 'a.c*' }] }, { t: 'abc' }, false],

  // anything-but
  ['anything-but: string, other value', { detail: { state: [{ 'anything-but': 'initializing' }] } }, ec2Event, true],
  ['anything-but: string, same value', { detail: { state: [{ 'anything-but': 'running' }] } }, ec2Event, false],
  ['anything-but: number 123 vs 5', { detail: { 'c-count': [{ 'anything-but': 123 }] } }, ec2Event, true],
  ['anything-but: number 5 vs 5.0', { detail: { 'c-count': [{ 'anything-but': 5.0 }] } }, ec2Event, false],
  ['anything-but: list of strings excludes', { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } }, ec2Event, false],
  ['anything-but: list of strings passes', { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, ec2Event, true],
  ['anything-but: list of numbers passes 301.8', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, ec2Event, true],
  ['anything-but: list of numbers excludes 300', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, withDetail({ 'x-limit': 300 }), false],
  ['anything-but: missing field never matches', { detail: { absent: [{ 'anything-but': 'x' }] } }, ec2Event, false],
  ['anything-but prefix: init excluded', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, withDetail({ state: 'initializing' }), false],
  ['anything-but prefix: running allowed', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, ec2Event, true],
  ['anything-but prefix: us- regions', { Region: [{ 'anything-but': { prefix: 'us-' } }] }, { Region: 'eu-west-1' }, true],
  ['anything-but suffix: .png excluded', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.png' }, false],
  ['anything-but suffix: .txt allowed', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.txt' }, true],
  ['anything-but ignore case: INITIALIZING excluded', { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, { state: 'INITIALIZING' }, false],
  ['anything-but ignore case: list', { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'Overloaded'] } }] }, { state: 'RUNNING' }, true],
  ['anything-but wildcard: */lib/* excluded', { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/lib/x.so' }, false],
  ['anything-but wildcard: other path allowed', { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/bin/x' }, true],
  ['anything-but: array event, one element differs', { tags: [{ 'anything-but': 'a' }] }, { tags: ['a', 'b'] }, true],

  // numeric
  ['numeric: docs combined pattern', { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } }, ec2Event, true],
  ['numeric: <= 5 includes 5', { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, ec2Event, true],
  ['numeric: < 5 excludes 5', { detail: { 'c-count': [{ numeric: ['>', 0, '<', 5] }] } }, ec2Event, false],
  ['numeric: > 0 excludes 0', { n: [{ numeric: ['>', 0] }] }, { n: 0 }, false],
  ['numeric: >= 0 includes 0', { n: [{ numeric: ['>=', 0] }] }, { n: 0 }, true],
  ['numeric: = 301.8 vs 301.9', { detail: { 'x-limit': [{ numeric: ['=', 301.9] }] } }, ec2Event, false],
  ['numeric: only JSON numbers', { n: [{ numeric: ['>', 0] }] }, { n: '5' }, false],
  ['numeric: negative range', { n: [{ numeric: ['>=', -10, '<', -1] }] }, { n: -5.5 }, true],
  ['numeric: any element of an array', { n: [{ numeric: ['>', 100] }] }, { n: [1, 2, 300] }, true],

  // exists
  ['exists true: docs detail.state present', { detail: { state: [{ exists: true }] } }, { detail: { 'instance-id': 'i-abcd1111', state: 'pending' } }, true],
  ['exists true: docs detail.state absent', { detail: { state: [{ exists: true }] } }, { detail: { 'c-count': { c1: 100 } } }, false],
  ['exists false: c-count absent', { detail: { 'c-count': [{ exists: false }] } }, { detail: { state: ['initializing', 'running'] } }, true],
  ['exists false: c-count is not a leaf', { detail: { 'c-count': [{ exists: false }] } }, { detail: { state: 'running', 'c-count': { c1: 100 } } }, true],
  ['exists false: c-count present', { detail: { 'c-count': [{ exists: false }] } }, ec2Event, false],
  ['exists false: parent missing', { detail: { 'c-count': [{ exists: false }] } }, { source: 'x' }, true],
  ['exists true: null counts as present', { a: [{ exists: true }] }, { a: null }, true],

  // cidr
  ['cidr: 10.0.0.0/24 matches 10.0.0.33', { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, ec2Event, true],
  ['cidr: 10.0.0.0/24 vs 10.0.1.5', { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, withDetail({ 'source-ip': '10.0.1.5' }), false],
  ['cidr: IPv6', { ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db8:1::5' }, true],
  ['cidr: IPv6 outside', { ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:db9::5' }, false],

  // $or
  ['$or: source && (metricName || namespace) via namespace', { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }] }, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' }, true],
  ['$or: no branch matches', { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] }, { source: 'aws.cloudwatch', namespace: 'AWS/RDS' }, false],
  ['$or: outer field still required', { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] }, { source: 'aws.ec2', metricName: 'CPUUtilization' }, false],
  ['$or: an AND inside a branch', { $or: [{ metricName: ['X'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2'] }] }, { metricType: 'MetricType', namespace: 'AWS/EC2' }, true],
  ['$or: an AND inside a branch, half satisfied', { $or: [{ metricName: ['X'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2'] }] }, { metricType: 'MetricType', namespace: 'AWS/ES' }, false],
  ['$or: nested inside detail', { detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] } }, { detail: { 'detail-type': 'CloudWatch Alarm State Change' } }, true],
  ['$or: nested $or', { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] }] }, { source: 'aws.cloudwatch', namespace: 'AWS/EC2', spaceId: 1000 }, true],

  // Complex docs example
  ['complex: docs combined example', { time: [{ prefix: '2017-10-02' }], detail: { state: [{ 'anything-but': 'initializing' }], 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ 'anything-but': [100, 200, 300] }], 'source-ip': [{ cidr: '10.0.0.0/8' }] } }, ec2Event, true],
  ['complex: one failing operator fails all', { time: [{ prefix: '2017-10-02' }], detail: { state: [{ 'anything-but': 'running' }], 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, ec2Event, false],
  ['duplicate key: the last one wins', '{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}', { detail: { location: 'eu-west' } }, true],
];

describe('matchesEventPattern', () => {
  it.each(cases)('%s', (_name, pattern, event, expected) => {
    expect(matchesEventPattern(compileEventPattern(pattern), event)).toBe(expected);
  });
});

type BadCase = [name: string, pattern: unknown, path: string, reasonPart: string];

const badPatterns: BadCase[] = [
  ['not JSON', '{"a": [', '$', 'not valid JSON'],
  ['not an object', '["a"]', '$', 'must be a JSON object'],
  ['empty object', {}, '$', 'empty objects'],
  ['non-array leaf', { detail: { state: 'running' } }, '$.detail.state', 'must be an object or an array'],
  ['empty leaf array', { source: [] }, '$.source', 'empty arrays'],
  ['unknown operator', { source: [{ contains: 'x' }] }, '$.source[0]', 'unrecognized match type "contains"'],
  ['two keys in an operator', { source: [{ prefix: 'a', suffix: 'b' }] }, '$.source[0]', 'exactly one key'],
  ['numeric not an array', { n: [{ numeric: '>' }] }, '$.n[0].numeric', 'must be an array'],
  ['numeric unknown operator', { n: [{ numeric: ['!=', 1] }] }, '$.n[0].numeric[0]', 'unrecognized numeric operator'],
  ['numeric value not a number', { n: [{ numeric: ['>', '1'] }] }, '$.n[0].numeric[1]', 'must be a number'],
  ['numeric upper bound first', { n: [{ numeric: ['<', 10, '>', 0] }] }, '$.n[0].numeric', 'too many elements'],
  ['numeric inverted range', { n: [{ numeric: ['>', 10, '<', 0] }] }, '$.n[0].numeric', 'lower bound must be less'],
  ['numeric = with extra terms', { n: [{ numeric: ['=', 1, '<', 2] }] }, '$.n[0].numeric', 'too many elements'],
  ['anything-but mixed list', { s: [{ 'anything-but': ['a', 1] }] }, '$.s[0]["anything-but"]', 'all strings or all numbers'],
  ['anything-but empty prefix', { s: [{ 'anything-but': { prefix: '' } }] }, '$.s[0]["anything-but"].prefix', 'empty prefix'],
  ['anything-but unsupported nested', { s: [{ 'anything-but': { numeric: ['>', 1] } }] }, '$.s[0]["anything-but"].numeric', 'unsupported anything-but'],
  ['exists not boolean', { s: [{ exists: 'yes' }] }, '$.s[0].exists', 'true or false'],
  ['wildcard consecutive stars', { s: [{ wildcard: 'a**b' }] }, '$.s[0].wildcard', 'consecutive wildcard'],
  ['wildcard bad escape', { s: [{ wildcard: 'a\\b' }] }, '$.s[0].wildcard', 'invalid escape'],
  ['prefix not a string', { s: [{ prefix: 5 }] }, '$.s[0].prefix', 'must be a string'],
  ['$or with one branch', { $or: [{ a: ['1'] }] }, '$.$or', 'at least 2'],
  ['$or not an array', { $or: { a: ['1'] } }, '$.$or', 'array of objects'],
  ['operator name inside $or', { $or: [{ numeric: [1] }, { prefix: ['a'] }] }, '$.$or[0].numeric', 'operator'],
  ['bad cidr', { ip: [{ cidr: '10.0.0.0/33' }] }, '$.ip[0].cidr', 'not a valid CIDR'],
  ['cidr of one IPv4 host: event-ruler wants fewer than 32 mask bits', { ip: [{ cidr: '10.0.0.1/32' }] }, '$.ip[0].cidr', 'IPv4 mask bits must be < 32'],
  ['cidr of one IPv6 host: fewer than 128 mask bits', { ip: [{ cidr: '2001:db8::1/128' }] }, '$.ip[0].cidr', 'IPv6 mask bits must be < 128'],
  ['object as a match value in a nested array', { s: [['a']] }, '$.s[0]', 'must be a string, number'],
];

describe('compileEventPattern rejects invalid patterns', () => {
  it.each(badPatterns)('%s', (_name, pattern, path, reasonPart) => {
    let caught: unknown;
    try {
      compileEventPattern(pattern);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventPatternError);
    expect((caught as EventPatternError).path).toBe(path);
    expect((caught as EventPatternError).reason).toContain(reasonPart);
  });
});
