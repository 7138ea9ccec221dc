import type { Localized } from '../i18n/lang.js';

/** `ok`: fine; `fix`: something to do (exit 1); `unchecked`: could not be checked, and why. */
export type DoctorStatus = 'ok' | 'fix' | 'unchecked';

/** One line of `kinesis-lab doctor`; `--json` prints each as one object. Never holds a secret. */
export interface DoctorLine {
  check: string;
  status: DoctorStatus;
  text: Localized;
  fix?: Localized;
}
