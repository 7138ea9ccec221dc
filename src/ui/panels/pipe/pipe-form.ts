/**
 * The pipe panel's form as pure state: fields, what a key does to them, and the settings it saves.
 * Starting position and filter presets are choices (←/→); numbers and the free JSON are typed.
 */
import { PIPE_LIMITS, PIPE_TARGET_KINDS, STARTING_POSITIONS, pipeSettingsToParams, type PipeSettings, type PipeTargetKind, type StartingPosition } from '../../../resources/pipe-settings.js';
import type { Localized } from '../../../i18n/lang.js';
import { validatePipeFilter } from '../../../validate/pipe-filter.js';

export type FilterPreset = 'none' | 'fare-above' | 'vendor' | 'card' | 'custom';
export const FILTER_PRESETS: readonly FilterPreset[] = ['none', 'fare-above', 'vendor', 'card', 'custom'];

export type FieldId = 'startingPosition' | 'minutesAgo' | 'batchSize' | 'batchingWindowSeconds' | 'parallelizationFactor' | 'filterPreset' | 'presetValue' | 'customFilter' | 'target';

export interface PipeFormState {
  focus: FieldId;
  startingPosition: StartingPosition;
  /** AT_TIMESTAMP as "this many minutes before the pipe is created". */
  minutesAgo: string;
  batchSize: string;
  batchingWindowSeconds: string;
  parallelizationFactor: string;
  filterPreset: FilterPreset;
  /** The fare amount or the vendor id of the preset. */
  presetValue: string;
  customFilter: string;
  /** A second Kinesis stream or a CloudWatch Logs log group. */
  target: PipeTargetKind;
  /** Why the last save was refused. */
  error?: Localized;
}

export interface FormKey {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  backspace?: boolean;
  delete?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
}

export type FormStep = { type: 'edit'; state: PipeFormState } | { type: 'save'; params: Record<string, unknown> } | { type: 'cancel' };

/** The form opened on saved settings. */
export function formFromSettings(settings: PipeSettings, clockMs: number): PipeFormState {
  const preset = presetOf(settings.filter);
  return {
    focus: 'startingPosition',
    startingPosition: settings.startingPosition,
    minutesAgo: settings.startingPositionTimestamp !== undefined ? String(Math.max(0, Math.round((clockMs / 1000 - settings.startingPositionTimestamp) / 60))) : '60',
    batchSize: String(settings.batchSize),
    batchingWindowSeconds: String(settings.batchingWindowSeconds),
    parallelizationFactor: String(settings.parallelizationFactor),
    filterPreset: preset.preset,
    presetValue: preset.value,
    customFilter: preset.preset === 'custom' ? (settings.filter ?? '') : '',
    target: settings.target,
  };
}

/** Fields in order; some appear only with a choice (AT_TIMESTAMP, a preset with a value, custom). */
export function visibleFields(state: PipeFormState): FieldId[] {
  const fields: FieldId[] = ['startingPosition'];
  if (state.startingPosition === 'AT_TIMESTAMP') fields.push('minutesAgo');
  fields.push('batchSize', 'batchingWindowSeconds', 'parallelizationFactor', 'filterPreset');
  if (state.filterPreset === 'fare-above' || state.filterPreset === 'vendor') fields.push('presetValue');
  if (state.filterPreset === 'custom') fields.push('customFilter');
  fields.push('target');
  return fields;
}

/** The filter pattern the form describes now (JSON text), or undefined for none. */
export function filterOf(state: PipeFormState): string | undefined {
  switch (state.filterPreset) {
    case 'none':
      return undefined;
    case 'fare-above':
      return `{"data": {"fareAmount": [{"numeric": [">", ${Number(state.presetValue) || 0}]}]}}`;
    case 'vendor':
      return `{"data": {"vendorId": [${Number(state.presetValue) || 0}]}}`;
    case 'card':
      return '{"data": {"paymentType": ["card"]}}';
    case 'custom':
      return state.customFilter.trim() === '' ? undefined : state.customFilter;
  }
}

export function applyKey(state: PipeFormState, key: FormKey): FormStep {
  if (key.escape) return { type: 'cancel' };
  if (key.return) return save(state);
  const fields = visibleFields(state);
  const at = fields.indexOf(state.focus);
  if (key.upArrow || key.downArrow || key.tab) {
    const next = fields[(at + (key.upArrow ? fields.length - 1 : 1)) % fields.length] ?? 'startingPosition';
    return edit({ ...state, focus: next });
  }
  if (key.leftArrow || key.rightArrow) {
    const step = key.leftArrow ? -1 : 1;
    if (state.focus === 'startingPosition') return edit({ ...state, startingPosition: cycle(STARTING_POSITIONS, state.startingPosition, step) });
    if (state.focus === 'target') return edit({ ...state, target: cycle(PIPE_TARGET_KINDS, state.target, step) });
    if (state.focus === 'filterPreset') {
      const preset = cycle(FILTER_PRESETS, state.filterPreset, step);
      return edit({ ...state, filterPreset: preset, presetValue: preset === 'fare-above' ? '20' : preset === 'vendor' ? '1' : state.presetValue });
    }
    return edit(state);
  }
  const text = textField(state.focus);
  if (!text) return edit(state);
  const current = state[text];
  if (key.backspace || key.delete) return edit({ ...state, [text]: current.slice(0, -1) });
  if (key.input === '') return edit(state);
  // Numbers take digits (and a decimal point for a fare); the JSON field takes any printable text.
  if (text === 'customFilter') return edit({ ...state, customFilter: current + key.input });
  if (!/^[0-9.]+$/.test(key.input)) return edit(state);
  return edit({ ...state, [text]: (current + key.input).slice(0, 8) });
}

function save(state: PipeFormState): FormStep {
  const numbers: [keyof typeof PIPE_LIMITS, string, Localized][] = [
    ['batchSize', state.batchSize, { en: 'Batch size', ko: '배치 크기' }],
    ['batchingWindowSeconds', state.batchingWindowSeconds, { en: 'Batching window', ko: '배치 기간' }],
    ['parallelizationFactor', state.parallelizationFactor, { en: 'Parallelization factor', ko: '병렬화 계수' }],
  ];
  const values: Partial<Record<keyof typeof PIPE_LIMITS, number>> = {};
  for (const [field, text, label] of numbers) {
    const { min, max } = PIPE_LIMITS[field];
    const value = Number(text);
    if (text === '' || !Number.isInteger(value) || value < min || value > max) {
      return refuse(state, field as FieldId, { en: `${label.en} must be a whole number from ${min} to ${max}; it is "${text}".`, ko: `${label.ko}는 ${min}에서 ${max} 사이의 정수여야 합니다. 지금 값: "${text}".` });
    }
    values[field] = value;
  }
  const filter = filterOf(state);
  if (filter !== undefined) {
    const checked = validatePipeFilter(filter);
    if (!checked.ok) return refuse(state, state.filterPreset === 'custom' ? 'customFilter' : 'presetValue', checked.message);
  }
  const settings: PipeSettings = {
    startingPosition: state.startingPosition,
    batchSize: values.batchSize!,
    batchingWindowSeconds: values.batchingWindowSeconds!,
    parallelizationFactor: values.parallelizationFactor!,
    maximumRetryAttempts: 10,
    bisectOnFailure: true,
    target: state.target,
    ...(filter !== undefined ? { filter } : {}),
  };
  const params = pipeSettingsToParams(settings);
  if (state.startingPosition === 'AT_TIMESTAMP') params.minutesAgo = Math.max(0, Number(state.minutesAgo) || 0);
  return { type: 'save', params };
}

/** Stays in the form on the field at fault, saying why. */
function refuse(state: PipeFormState, focus: FieldId, error: Localized): FormStep {
  return { type: 'edit', state: { ...state, focus, error } };
}

/** Any edit clears the last refusal. */
function edit(state: PipeFormState): FormStep {
  const { error: _error, ...rest } = state;
  return { type: 'edit', state: rest };
}

function textField(focus: FieldId): 'minutesAgo' | 'batchSize' | 'batchingWindowSeconds' | 'parallelizationFactor' | 'presetValue' | 'customFilter' | undefined {
  return focus === 'startingPosition' || focus === 'filterPreset' || focus === 'target' ? undefined : focus;
}

function cycle<T>(list: readonly T[], current: T, step: number): T {
  const at = list.indexOf(current);
  return list[(at + step + list.length) % list.length] as T;
}

function presetOf(filter: string | undefined): { preset: FilterPreset; value: string } {
  if (!filter) return { preset: 'none', value: '' };
  const compact = filter.replace(/\s+/g, '');
  const fare = /^\{"data":\{"fareAmount":\[\{"numeric":\[">",([0-9.]+)\]\}\]\}\}$/.exec(compact);
  if (fare) return { preset: 'fare-above', value: fare[1]! };
  const vendor = /^\{"data":\{"vendorId":\[(\d+)\]\}\}$/.exec(compact);
  if (vendor) return { preset: 'vendor', value: vendor[1]! };
  if (compact === '{"data":{"paymentType":["card"]}}') return { preset: 'card', value: '' };
  return { preset: 'custom', value: '' };
}
