import type { Lab, LabStep } from '../content/lab-model.js';
import type { Messages } from '../i18n/messages.js';

export interface KeyItem {
  key: string;
  label: string;
}

export interface KeyContext {
  lab: Lab;
  step: LabStep;
  m: Messages;
  busy: boolean;
  keysCaptured: boolean;
  fixOffer: boolean;
  hasCode: boolean;
  showCode: boolean;
  resultOpen: boolean;
  /** The activity area has lines it may leave out (or the full result is open): r is worth showing. */
  moreHidden: boolean;
  /** w found files the learner changed and waits for y or n. */
  asking: boolean;
}

/** The keys that do something now, in the order the bar shows them. */
export function labKeys(c: KeyContext): KeyItem[] {
  const { m } = c;
  if (c.keysCaptured) return [{ key: 'Ctrl+C', label: m.keyQuit }];
  if (c.asking) return [{ key: 'y', label: m.keyOverwrite }, { key: 'n', label: m.keyKeep }, { key: 'q', label: m.keyQuit }];
  if (c.resultOpen) return [{ key: '↑↓', label: m.keyLines }, { key: 'r', label: m.keyBack }, { key: 'q', label: m.keyQuit }];
  if (c.busy) return [{ key: 'x', label: m.keyStop }, ...(c.moreHidden ? [{ key: 'r', label: m.keyResult }] : []), { key: 'q', label: m.keyQuit }];
  const act = c.step.comingNext ? [] : [{ key: 'd', label: m.keyDo }, { key: 'm', label: m.keyMyself }, { key: 'c', label: m.keyCheck }];
  return [
    ...act,
    ...(c.fixOffer ? [{ key: 'f', label: m.keyFix }] : []),
    ...(c.moreHidden ? [{ key: 'r', label: m.keyResult }] : []),
    { key: 'n', label: m.keyNext },
    { key: '↑↓', label: m.keyScroll },
    { key: `1-${c.lab.steps.length}`, label: m.keyJump },
    ...(c.hasCode ? [{ key: 's', label: m.keyCode }] : []),
    ...(c.showCode ? [{ key: 'Tab', label: m.keyTab }, { key: 'w', label: m.keyWrite }] : []),
    { key: 'h', label: m.keyHint },
    { key: 'l', label: m.keyLang },
    { key: 'q', label: m.keyQuit },
  ];
}
