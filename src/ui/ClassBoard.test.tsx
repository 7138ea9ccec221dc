import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { applyClassEvent, emptyBoard } from '../classroom/board-state.js';
import { boardText } from '../classroom/board-table.js';
import type { ClassEvent } from '../classroom/class-event.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import { ClassBoard } from './ClassBoard.js';

const MIN = 60_000;
const order = ['create-stream', 'put-record', 'put-records'];
const titles = { en: { 'create-stream': 'Create the stream', 'put-record': 'PutRecord', 'put-records': 'PutRecords' }, ko: { 'create-stream': '스트림 만들기', 'put-record': 'PutRecord', 'put-records': 'PutRecords' } };
const events: ClassEvent[] = [
  { learnerId: 'mina0001', name: '김민아', seq: 0, at: 0, step: 'create-stream', status: 'joined' },
  { learnerId: 'mina0001', name: '김민아', seq: 1, at: 2 * MIN, step: 'create-stream', status: 'passed' },
  { learnerId: 'mina0001', name: '김민아', seq: 2, at: 3 * MIN, step: 'put-record', status: 'in-progress' },
  { learnerId: 'joon0001', name: 'Joon', seq: 0, at: 0, step: 'create-stream', status: 'failed', errorKind: 'no-credentials' },
];
const board = events.reduce(applyClassEvent, emptyBoard());

describe('ClassBoard', () => {
  it('renders a row per learner and the per-step counts (English)', () => {
    const t = classroomMessages('en');
    const { lastFrame } = render(<ClassBoard board={board} layout={{ order, titles: titles.en, now: 5 * MIN }} stream="kinesis-lab-class" t={t} />);
    expect(lastFrame()).toBe([
      'Class board: kinesis-lab-class, 2 learners',
      '',
      'Learner  Step                  On it   Status   Last error',
      'Joon     1. Create the stream  5m 00s  failing  no-credentials',
      '김민아   2. PutRecord          2m 00s  working  —',
      '',
      'Per step (working / stuck / done)',
      '1. Create the stream: 0 working, 1 stuck, 1 done',
      '2. PutRecord: 1 working, 0 stuck, 0 done',
      '3. PutRecords: 0 working, 0 stuck, 0 done',
      '',
      'q quit',
    ].join('\n'));
  });

  it('renders in Korean, with the read error above the table', () => {
    const t = classroomMessages('ko');
    const { lastFrame } = render(<ClassBoard board={emptyBoard()} layout={{ order, titles: titles.ko, now: 0 }} stream="kinesis-lab-class" t={t} error="UnknownEndpoint: connect ECONNREFUSED" />);
    expect(lastFrame()).toBe([
      '수업 현황: kinesis-lab-class, 학습자 0명',
      '수업 스트림을 읽을 수 없습니다: UnknownEndpoint: connect ECONNREFUSED. 다시 시도하는 중…',
      '',
      '아직 참여한 학습자가 없습니다. 참여 명령으로 시작하면 여기에 표시됩니다.',
      '',
      '단계별 (진행 중 / 막힘 / 완료)',
      '1. 스트림 만들기: 진행 중 0명, 막힘 0명, 완료 0명',
      '2. PutRecord: 진행 중 0명, 막힘 0명, 완료 0명',
      '3. PutRecords: 진행 중 0명, 막힘 0명, 완료 0명',
      '',
      'q 종료',
    ].join('\n'));
  });

  it('has a plain text form with the same columns for --plain and screen readers', () => {
    expect(boardText(board, { order, titles: titles.en, now: 5 * MIN, stream: 'kinesis-lab-class' }, classroomMessages('en')).slice(0, 4)).toEqual([
      'Class board: kinesis-lab-class, 2 learners',
      'Learner  Step                  On it   Status   Last error',
      'Joon     1. Create the stream  5m 00s  failing  no-credentials',
      '김민아   2. PutRecord          2m 00s  working  —',
    ]);
  });
});
