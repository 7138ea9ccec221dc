import type { Instance } from 'ink';
import { join } from 'node:path';
import { CODE_DIR, solutionFiles, type SolutionFile } from '../../content/solution-files.js';
import { writeSolutionFiles } from '../../content/write-solution-files.js';
import { awsSettingsFor } from '../build-lab-context.js';
import { SANDBOX_CREDENTIALS } from '../../sandbox/sandbox-types.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import type { LabRunner } from '../../runner/lab-runner.js';
import { LabApp } from '../../ui/LabApp.js';
import { RunnerServicesProvider } from '../../ui/RunnerServicesProvider.js';
import type { ScreenInfo } from '../../ui/screen-info.js';
import { sandboxPasteLines } from '../../sandbox/sandbox-paste.js';
import type { CodeTab } from '../../ui/ui-state.js';
import { createRunner } from '../create-runner.js';
import { checkPlainLines } from '../format-check.js';
import { labCommandLine } from '../lab-command-line.js';
import type { LabSession } from '../lab-session.js';
import { paramsWithChoices, type SessionLedger } from '../../engine/session-ledger.js';
import { pipeNamesFor } from '../../resources/pipe-settings.js';
import type { Output } from '../output.js';
import { reportFileProblems } from '../progress-problems.js';
import { saveFailureText } from '../../i18n/progress-messages.js';

export function screenInfo(session: LabSession, startStep?: string): ScreenInfo {
  const { settings } = session;
  const m = messages(settings.lang);
  const notices: string[] = (session.notices ?? []).map((notice) => notice[settings.lang]);
  if (session.resumed) {
    // With --step the learner chose where to go; say so rather than where they left off.
    const step = session.lab.steps.find((s) => s.id === (startStep ?? session.initial.state.current));
    if (step) notices.push(m.resumed(step.title[settings.lang]));
  }
  return {
    target: settings.target,
    endpoint: settings.endpoint,
    profile: settings.profile,
    region: settings.region,
    regionSource: settings.regionSource ?? 'flag',
    stream: settings.stream,
    ...(settings.target === 'sandbox' && settings.region ? { sandboxCredentials: sandboxCredentials(session) } : {}),
    ...(session.limitsOff ? { limitsOff: true } : {}),
    notices,
  };
}

/** The key this session signs sandbox calls with, as the learner's own shell should use it. */
function sandboxCredentials(session: LabSession): { accessKeyId: string; secretAccessKey: string } {
  const { settings } = session;
  // Signed with the shell's own variables when it has them (awsSettingsFor leaves them to the SDK); the
  // sandbox accepts any key, so the pasted lines give the sandbox's rather than echo a real secret.
  const own = settings.region ? awsSettingsFor({ ...settings, region: settings.region }).credentials : undefined;
  return own ?? { ...SANDBOX_CREDENTIALS };
}

/** The step's solutions with this run's stream, region and endpoint filled in (after a switch, the new ones). */
export function solutionsFor(session: LabSession, stepId: string, ledger?: SessionLedger): Record<CodeTab, string> | undefined {
  const files = solutionFilesFor(session, stepId, ledger);
  if (!files) return undefined;
  return Object.fromEntries(files.map((f) => [f.language, f.text])) as Record<CodeTab, string>;
}

/**
 * The same solutions as the files `w` saves, each named as its first line says. Step 5's names are the
 * ones this learner's lab uses (`ledger`: after another's pipe or role took the default name, the `-2`
 * ones), so the code creates what the check looks for.
 */
export function solutionFilesFor(session: LabSession, stepId: string, ledger: SessionLedger = session.initial.ledger): SolutionFile[] | undefined {
  const step = session.lab.steps.find((s) => s.id === stepId);
  if (!step) return undefined;
  const shardCount = session.settings.streamShape?.shardCount ?? (typeof step.action?.params.shardCount === 'number' ? step.action.params.shardCount : undefined);
  const { stream } = session.settings;
  const pipe = pipeNamesFor(stream, paramsWithChoices(ledger, 'pipe', session.lab.steps.find((s) => s.id === 'pipe')?.action?.params ?? {}));
  return solutionFiles(step, { stream, region: session.settings.region, endpoint: session.settings.endpoint, shardCount, pipe });
}

/**
 * The full-screen lab, drawn over the starting screen (see lab-starting.tsx). Resolves when the learner
 * quits, after the producer stopped and progress is saved.
 */
export async function interactiveLab(session: LabSession, startStep: string | undefined, screen: Instance, signal?: AbortSignal): Promise<number> {
  const runner = createRunner(session, Date.now, { survey: true });
  const startedAt = { stream: session.settings.stream, region: session.settings.region };
  const first = startStep ?? session.initial.state.current;
  runner.dispatch({ type: 'open-step', step: first, at: Date.now() });
  let quit: () => void = () => undefined;
  const quitting = new Promise<void>((resolve) => (quit = resolve));
  const app = screen;
  app.rerender(
    <RunnerServicesProvider runner={runner}>
      <LabApp
        lab={session.lab}
        runner={runner}
        info={screenInfo(session, startStep)}
        initialLang={session.settings.lang}
        codeFor={(id) => solutionsFor(session, id, runner.current.ledger)}
        writeCode={(id, overwrite) => writeSolutionFiles(join(process.cwd(), CODE_DIR), solutionFilesFor(session, id, runner.current.ledger) ?? [], overwrite)}
        onQuit={quit}
      />
    </RunnerServicesProvider>,
  );
  // SIGTERM (or a Ctrl+C that reached the process as a signal) quits like q.
  signal?.addEventListener('abort', () => quit(), { once: true });
  await quitting;
  runner.cancel();
  // A check waiting on an endpoint that never answers must not hold the learner's terminal.
  session.stopLabCalls();
  await runner.idle();
  app.unmount();
  await app.waitUntilExit();
  // A producer stopped by q still reports what it sent, like the workshop's script on Ctrl+C.
  const lang = session.settings.lang;
  const { actionStep, notes, state } = runner.current;
  if (actionStep === state.current) for (const note of notes) process.stdout.write(`${note[lang]}\n`);
  // The screen said it while it ran; once it is gone the terminal keeps the last word.
  const failure = runner.current.saveError;
  if (failure) {
    process.stderr.write(`${saveFailureText(failure, lang)}\n`);
    return 1;
  }
  process.stdout.write(`${messages(lang).quitHint}\n`);
  // A fix moved the run: "the same command" would pass the old --region or --stream again.
  const moved = runner.current.target;
  if (moved && (moved.stream !== startedAt.stream || moved.region !== startedAt.region)) process.stdout.write(`${messages(lang).switchedResume(resumeCommand(session))}\n`);
  return 0;
}

/** The command that opens this run where it is now (after a switch-region or switch-stream fix). */
export function resumeCommand(session: LabSession): string {
  return labCommandLine(session.settings, '', { stream: 'always' });
}

/**
 * Without a terminal (CI logs, screen readers, `--plain`): walks from the current step, printing each
 * step's title and check, and stops at the first step that does not pass with what to do.
 */
export async function plainLab(session: LabSession, startStep: string | undefined, output: Output, signal?: AbortSignal): Promise<number> {
  const runner: LabRunner = createRunner(session);
  const { settings } = session;
  const lang: Lang = settings.lang;
  const m = messages(lang);
  const problems = reportFileProblems(runner, lang, false, output);
  const steps = session.lab.steps.filter((s) => !s.comingNext);
  const startIndex = Math.max(0, steps.findIndex((s) => s.id === (startStep ?? session.initial.state.current)));
  output.out(`${m.appTitle}: ${session.lab.title[lang]}`);
  for (const step of steps.slice(startIndex)) {
    if (signal?.aborted) return 1;
    const n = session.lab.steps.indexOf(step) + 1;
    output.out('');
    output.out(m.plainStep(n, session.lab.steps.length, step.title[lang]));
    runner.dispatch({ type: 'open-step', step: step.id, at: Date.now() });
    runner.dispatch({ type: 'check-requested', at: Date.now() });
    await runner.idle();
    const result = runner.current.state.steps[step.id]?.lastResult;
    if (result) for (const line of checkPlainLines(result, lang)) output.out(line);
    problems.sayWarnings();
    if (result?.outcome !== 'passed') {
      // No keys here: say which command does the step, and how to do it by hand.
      output.out('');
      if (step.action) output.out(m.plainSolve(solveCommandFor(session, step.id)));
      // The embedded sandbox stops with this process, so commands aimed at its port would not work.
      const code = session.settings.embeddedSandbox ? undefined : solutionsFor(session, step.id, runner.current.ledger);
      if (code) {
        output.out(m.plainByHand);
        // A class key is the learner's own account on the room sandbox: their shell must sign with it.
        const paste = settings.sandboxKey && settings.endpoint ? [m.sandboxPasteTitle, ...sandboxPasteLines({ endpoint: settings.endpoint, region: settings.region, ...settings.sandboxKey })] : [];
        for (const line of [...paste, ...code.cli.trimEnd().split('\n')]) output.out(`    ${line}`);
      }
      output.out('');
      output.out(m.plainStopAt(step.id));
      problems.finish();
      return 1;
    }
  }
  output.out('');
  output.out(m.labComplete);
  return problems.finish() ? 0 : 1;
}

/** The `solve` command that does a step for this run: same target, region and stream as the lab. */
export function solveCommandFor(session: LabSession, stepId: string): string {
  return labCommandLine(session.settings, `solve ${stepId}`);
}
