import type { CatalogEntry } from './catalog-entry.js';
import { whereTried, joinLocalized } from './diagnosis-phrases.js';
import { commandLine } from '../i18n/command-line.js';

/**
 * The fallback: an error the catalog does not know yet. It still says what failed and where the
 * call went, never a stack trace.
 */
export const UNKNOWN_ENTRY: CatalogEntry = {
  kind: 'unknown-error',
  matches: () => true,
  diagnose: ({ error, ctx }) => {
    const where = whereTried(ctx);
    const call = ctx.operation ?? 'The call';
    const details = [error.status !== undefined ? `HTTP ${error.status}` : undefined, error.code, error.requestId ? `request ID ${error.requestId}` : undefined]
      .filter((part) => part !== undefined)
      .join(', ');
    return {
      kind: 'unknown-error',
      what: {
        en: `${call} failed: ${error.name}: ${error.message}`,
        ko: `${ctx.operation ?? '호출'} 실패: ${error.name}: ${error.message}`,
      },
      why: joinLocalized(
        { en: `The call went to ${where.en}.`, ko: `호출 대상: ${where.ko}.` },
        details !== '' && { en: `Details: ${details}.`, ko: `세부 정보: ${details}.` },
        { en: 'The lab does not have an explanation for this error yet.', ko: '이 오류에 대한 설명은 아직 실습에 없습니다.' },
      ),
      fix: joinLocalized(
        {
          en: 'Read the message above for a hint, check the region and stream name, and retry. If it keeps happening, show the error name and request ID to your instructor.',
          ko: '위 메시지에서 단서를 찾고, 리전과 스트림 이름을 확인한 뒤 다시 시도하세요. 계속되면 오류 이름과 요청 ID를 강사에게 보여 주세요.',
        },
        !ctx.sandbox && { en: `The same step also runs in the sandbox: ${commandLine('--sandbox')}.`, ko: `같은 단계를 샌드박스에서도 해 볼 수 있습니다: ${commandLine('--sandbox')}.` },
      ),
    };
  },
};
