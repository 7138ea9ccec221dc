import type { Localized } from '../../i18n/lang.js';

/**
 * The sandbox cannot use its data folder (a file where a folder should be, no write permission,
 * another sandbox holding it). `message` is English; `localized` has every language. Thrown before
 * the sandbox listens, with every lock it took released.
 */
export class SandboxDataError extends Error {
  override readonly name = 'SandboxDataError';

  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}
