import { commandLine } from '../i18n/command-line.js';
import type { ReadySettings } from './build-lab-context.js';
import type { GlobalOptions } from './parse-args.js';
import { DEFAULT_STREAM } from './run-settings.js';

/**
 * The shell command that runs `kinesis-lab <args>` on the same target, region and stream as this run
 * (`--sandbox`, the endpoint or profile flag, `--region`, and `--stream` unless it is the default or
 * `stream: 'always'`, and `--class`/`--name` in a class), as the learner invoked kinesis-lab; `where` names another region or stream.
 */
export function labCommandLine(settings: ReadySettings, args = '', options: { stream?: 'always'; where?: { region?: string; stream?: string } } = {}): string {
  const region = options.where?.region ?? settings.region;
  const stream = options.where?.stream ?? settings.stream;
  const parts = args ? [args] : [];
  if (settings.embeddedSandbox) parts.push('--sandbox');
  else if (settings.endpointSource === 'flag' && settings.endpoint) parts.push('--endpoint-url', settings.endpoint);
  if (settings.profile && settings.target === 'aws') parts.push('--profile', settings.profile);
  parts.push('--region', region);
  if (options.stream === 'always' || stream !== DEFAULT_STREAM) parts.push('--stream', stream);
  // In a class: the same class, so what the command does happens in the learner's own account and is reported.
  parts.push(...(settings.classArgs ?? []));
  return commandLine(parts.join(' '));
}

/** `kinesis-lab <args>` with this command's own target flags (`--sandbox`, `--endpoint-url`, `--profile`), for commands that open no session. */
export function sameTargetCommandLine(global: GlobalOptions, args = ''): string {
  const parts = args ? [args] : [];
  if (global.sandbox) parts.push('--sandbox');
  if (global.endpointUrl) parts.push('--endpoint-url', global.endpointUrl);
  if (global.profile) parts.push('--profile', global.profile);
  return commandLine(parts.join(' '));
}
