import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPE_SETTINGS } from '../../../resources/pipe-settings.js';
import { applyKey, filterOf, formFromSettings, visibleFields, type FormKey, type FormStep, type PipeFormState } from './pipe-form.js';

const NOW = 1_790_000_000_000;

function keys(state: PipeFormState, ...pressed: FormKey[]): FormStep {
  let step: FormStep = { type: 'edit', state };
  for (const key of pressed) {
    if (step.type !== 'edit') break;
    step = applyKey(step.state, key);
  }
  return step;
}

const down: FormKey = { input: '', downArrow: true };
const right: FormKey = { input: '', rightArrow: true };
const enter: FormKey = { input: '', return: true };
const type = (text: string): FormKey[] => Array.from(text, (input) => ({ input }));

describe('pipe form', () => {
  it('opens on the saved settings and recognises a saved preset', () => {
    const form = formFromSettings({ ...DEFAULT_PIPE_SETTINGS, filter: '{"data": {"vendorId": [2]}}' }, NOW);
    expect(form).toMatchObject({ startingPosition: 'TRIM_HORIZON', batchSize: '100', filterPreset: 'vendor', presetValue: '2' });
    expect(visibleFields(form)).toEqual(['startingPosition', 'batchSize', 'batchingWindowSeconds', 'parallelizationFactor', 'filterPreset', 'presetValue', 'target']);
    expect(filterOf(form)).toBe('{"data": {"vendorId": [2]}}');
  });

  it('the last field chooses the target, a second stream or a log group, and saves it', () => {
    const form = formFromSettings(DEFAULT_PIPE_SETTINGS, NOW);
    expect(form.target).toBe('kinesis');
    const up = { input: '', upArrow: true };
    expect(keys(form, up, right, enter)).toEqual({ type: 'save', params: expect.objectContaining({ target: 'logs' }) });
    expect(keys(form, up, right, right, enter)).toEqual({ type: 'save', params: expect.objectContaining({ target: 'kinesis' }) });
    expect(formFromSettings({ ...DEFAULT_PIPE_SETTINGS, target: 'logs' }, NOW).target).toBe('logs');
  });

  it('AT_TIMESTAMP adds "minutes before creation" and saves it', () => {
    const step = keys(formFromSettings(DEFAULT_PIPE_SETTINGS, NOW), right, right, down, { input: '', backspace: true }, { input: '', backspace: true }, ...type('15'), enter);
    expect(step).toEqual({ type: 'save', params: expect.objectContaining({ startingPosition: 'AT_TIMESTAMP', minutesAgo: 15 }) });
  });

  it('numbers take digits only; a custom pattern takes any text', () => {
    const form = formFromSettings(DEFAULT_PIPE_SETTINGS, NOW);
    const batch = keys(form, down, ...type('x5'));
    expect(batch.type === 'edit' && batch.state.batchSize).toBe('1005');
    const custom = keys(form, down, down, down, down, { input: '', leftArrow: true }, down, ...type('{"q": 1'));
    expect(custom.type === 'edit' && [custom.state.filterPreset, custom.state.customFilter]).toEqual(['custom', '{"q": 1']);
    const refused = keys(form, down, down, down, down, { input: '', leftArrow: true }, down, ...type('{"data": {"fare": 1}}'), enter);
    expect(refused.type === 'edit' && [refused.state.focus, refused.state.error?.en]).toEqual(['customFilter', expect.stringMatching(/^Filter pattern has a problem at \$\.data\.fare: /)]);
  });

  it('Esc cancels', () => {
    expect(keys(formFromSettings(DEFAULT_PIPE_SETTINGS, NOW), right, { input: '', escape: true })).toEqual({ type: 'cancel' });
  });
});
