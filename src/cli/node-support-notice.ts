import type { Localized } from '../i18n/lang.js';
import { nodeSupportEnding } from '../i18n/node-support-messages.js';

/**
 * The SDK's Node version warning (emitted once, when the first client is built, as "NodeVersionSupportWarning:
 * … will require node >=22 …", over nine lines) as our one line; undefined for any other warning.
 */
export function nodeSupportNotice(warning: Error, running: string): Localized | undefined {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')) return undefined;
  const required = Number(/node >=\s*(\d+)/.exec(warning.message)?.[1] ?? 22);
  return nodeSupportEnding(running, required);
}

/** What the process warned about, for plain output after the work: the SDK's notice once, others as they came. */
export function warningLines(warnings: Error[], running: string, lang: keyof Localized): string[] {
  const lines: string[] = [];
  let noticed = false;
  for (const warning of warnings) {
    const notice = nodeSupportNotice(warning, running);
    if (!notice) {
      lines.push(`warning: ${warning.message}`);
    } else if (!noticed) {
      lines.push(notice[lang]);
      noticed = true;
    }
  }
  return lines;
}
