import { commandLine } from '../i18n/command-line.js';
import type { Localized } from '../i18n/lang.js';
import type { Surface } from '../i18n/surface.js';
import type { LabKey } from './other-accounts.js';
import type { AutoFix } from '../shared/auto-fix.js';

/**
 * What the learner reads when something fails: what happened, why, and what to do.
 * Produced by the catalog in `src/diagnose/` from an error and its context.
 */
export interface Diagnosis {
  /** Stable id, e.g. `stream-not-found`, `no-credentials`; the class board and tests key on it. */
  kind: string;
  what: Localized;
  why: Localized;
  fix: Localized;
  /** A fix the runner can apply with one key, where that is safe (switch region, wait, retry). */
  autoFix?: AutoFix;
}

/** Facts the catalog may use to be specific (never credentials). */
export interface DiagnosisContext {
  region: string;
  stream: string;
  endpoint?: string;
  sandbox: boolean;
  operation?: string;
  /** Named profile in use (`--profile` or `AWS_PROFILE`), so fixes can say `aws sso login --profile X`. */
  profile?: string;
  /** On a sandbox: the key the lab signs with, so a fix can say which key a learner's script should use. */
  labKey?: LabKey;
  /** Where the diagnosis is read: fixes name keys in the TUI, commands in plain output and `--json`. @default 'tui' */
  surface?: Surface;
  /** The shell command that runs `kinesis-lab <args>` on this run's target, region and stream (or `where` instead). @default commandLine(args) */
  command?: CommandFor;
}

/** Builds `kinesis-lab <args>` for the learner's shell, with this run's target flags; `where` moves it to another region or stream. */
export type CommandFor = (args: string, where?: { region?: string; stream?: string }) => string;

/** `ctx.command(args)`, or the bare command when the context has no run to repeat. */
export function labCommand(ctx: Pick<DiagnosisContext, 'command'>, args: string, where?: { region?: string; stream?: string }): string {
  if (ctx.command) return ctx.command(args, where);
  const flags = [where?.region ? `--region ${where.region}` : '', where?.stream ? `--stream ${where.stream}` : ''];
  return commandLine([args, ...flags].filter(Boolean).join(' '));
}

/** The command a fix names outside the full-screen lab; undefined in it, where the fix names a key instead. */
export function commandOutsideTui(ctx: Pick<DiagnosisContext, 'command' | 'surface'>, args: string, where?: { region?: string; stream?: string }): string | undefined {
  return ctx.surface === 'cli' ? labCommand(ctx, args, where) : undefined;
}
