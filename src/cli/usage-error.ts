import type { Lang, Localized } from '../i18n/lang.js';

/** Bad usage: printed as one line and exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly localized: Localized;

  constructor(message: string | Localized) {
    const text = typeof message === 'string' ? { en: message, ko: message } : message;
    super(text.en);
    this.localized = text;
  }

  in(lang: Lang): string {
    return this.localized[lang];
  }
}

/** Unwraps a validator's result or throws its message as a usage error. */
export function orUsageError<T>(result: { ok: true; value: T } | { ok: false; message: Localized }, flag?: string): T {
  if (result.ok) return result.value;
  throw new UsageError(flag ? { en: `${flag}: ${result.message.en}`, ko: `${flag}: ${result.message.ko}` } : result.message);
}
