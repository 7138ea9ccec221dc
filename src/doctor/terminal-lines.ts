import { MIN_COLUMNS, MIN_ROWS } from '../ui/layout/lab-layout.js';
import type { DoctorLine } from './doctor-line.js';

export interface TerminalFacts {
  isTTY: boolean;
  columns?: number;
  rows?: number;
  env: NodeJS.ProcessEnv;
}

// The size from which the lab screen keeps its header, the step's title, the verdict, the fix and the
// keys on screen in every state (below it the lab shows only how big the window must be).
export { MIN_COLUMNS, MIN_ROWS };

/** What the interactive lab needs from the terminal: a TTY, colour (or a chosen NO_COLOR), room, UTF-8. */
export function terminalLines(t: TerminalFacts): DoctorLine[] {
  const lines: DoctorLine[] = [];
  if (!t.isTTY) {
    lines.push({
      check: 'terminal',
      status: 'unchecked',
      text: { en: 'Output is not a terminal, so its size and colours cannot be checked; the interactive lab needs one (check, solve and produce do not).', ko: '출력이 터미널이 아니어서 크기와 색을 확인할 수 없습니다. 대화형 실습에는 터미널이 필요합니다(check, solve, produce는 필요 없음).' },
    });
  } else {
    const { columns = 0, rows = 0 } = t;
    const roomy = columns >= MIN_COLUMNS && rows >= MIN_ROWS;
    lines.push({
      check: 'terminal-size',
      status: roomy ? 'ok' : 'fix',
      text: { en: `Terminal is ${columns}×${rows}`, ko: `터미널 크기 ${columns}×${rows}` },
      ...(roomy
        ? {}
        : {
            fix: {
              en: `Below ${MIN_COLUMNS}×${MIN_ROWS} the lab cannot keep the check result and the fix on screen: make the window at least ${MIN_COLUMNS}×${MIN_ROWS} (or a smaller font), or use --plain.`,
              ko: `${MIN_COLUMNS}×${MIN_ROWS}보다 작으면 확인 결과와 해결 방법을 화면에 함께 보여 줄 수 없습니다. 창을 ${MIN_COLUMNS}×${MIN_ROWS} 이상으로 키우거나(글꼴을 줄여도 됩니다) --plain을 쓰세요.`,
            },
          }),
    });
    const env = t.env;
    const colour = env.NO_COLOR !== undefined && env.NO_COLOR !== ''
      ? { en: 'Colours off (NO_COLOR is set)', ko: '색 꺼짐(NO_COLOR 설정됨)' }
      : env.TERM === 'dumb'
        ? { en: 'TERM=dumb: no colours or cursor movement', ko: 'TERM=dumb: 색과 커서 이동 없음' }
        : { en: `Colours on (TERM=${env.TERM ?? 'unset'})`, ko: `색 켜짐(TERM=${env.TERM ?? '없음'})` };
    lines.push({
      check: 'terminal-colour',
      status: env.TERM === 'dumb' ? 'fix' : 'ok',
      text: colour,
      ...(env.TERM === 'dumb' ? { fix: { en: 'Use a terminal that sets TERM (e.g. xterm-256color), or run with --plain.', ko: 'TERM을 설정하는 터미널(예: xterm-256color)을 쓰거나 --plain으로 실행하세요.' } } : {}),
    });
  }
  const locale = t.env.LC_ALL || t.env.LC_CTYPE || t.env.LANG || '';
  const utf8 = /utf-?8/i.test(locale);
  lines.push({
    check: 'terminal-utf8',
    status: utf8 ? 'ok' : 'fix',
    text: utf8 ? { en: `UTF-8 text (${locale})`, ko: `UTF-8 문자(${locale})` } : { en: `Locale "${locale || 'unset'}" is not UTF-8: Korean text and box lines may break`, ko: `로캘 설정이 UTF-8이 아니어서("${locale || '없음'}") 한국어와 상자 선이 깨질 수 있습니다` },
    ...(utf8 ? {} : { fix: { en: 'export LANG=C.UTF-8 (or ko_KR.UTF-8), then run again.', ko: 'export LANG=C.UTF-8(또는 ko_KR.UTF-8)을 실행한 뒤 다시 실행하세요.' } }),
  });
  return lines;
}
