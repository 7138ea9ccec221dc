/**
 * The code a learner takes (the code view, `w`) names step 5's resources as this learner's lab does:
 * after another's pipe or role held the default name, the `-2` names the lab moved to, so running the
 * code makes what the check looks for.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECK_KINDS } from '../../src/checks/check-registry.js';
import { solutionFilesFor } from '../../src/cli/commands/lab-command.js';
import type { LabSession } from '../../src/cli/lab-session.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { emptyLedger, recordNames } from '../../src/engine/session-ledger.js';

async function sessionOn(stream: string): Promise<LabSession> {
  const lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
  // Only what solutionFilesFor reads: the lab, where it runs, the progress it started from.
  return { lab, settings: { stream, region: 'us-east-1', endpoint: 'http://127.0.0.1:4567' }, initial: { ledger: emptyLedger() } } as unknown as LabSession;
}

describe('step 5 code names what the lab uses', () => {
  it('the default names, in every language', async () => {
    const files = solutionFilesFor(await sessionOn('input-stream'), 'pipe')!;
    expect(files.map((f) => f.language).sort()).toEqual(['cli', 'python', 'typescript']);
    for (const file of files) {
      expect(file.text, file.name).toContain('input-stream-pipe-target');
      expect(file.text, file.name).toContain('input-stream-pipe-role');
    }
  });

  it('the -2 names after a rename, in every language', async () => {
    const ledger = recordNames(emptyLedger(), 'pipe', { pipeName: 'input-stream-pipe-2', roleName: 'input-stream-pipe-role-2', targetStream: 'input-stream-pipe-target-2' });
    const files = solutionFilesFor(await sessionOn('input-stream'), 'pipe', ledger)!;
    for (const file of files) {
      expect(file.text, file.name).toContain('input-stream-pipe-2');
      expect(file.text, file.name).toContain('input-stream-pipe-role-2');
      expect(file.text, file.name).toContain('input-stream-pipe-target-2');
      expect(file.text, file.name).not.toMatch(/input-stream-pipe-target(?!-2)/);
    }
  });

  it('a stream name over 50 characters: the pipe and role names are cut as the lab cuts them', async () => {
    const stream = `s${'x'.repeat(59)}`;
    const files = solutionFilesFor(await sessionOn(stream), 'pipe')!;
    for (const file of files) {
      expect(file.text, file.name).toContain(`${stream.slice(0, 50)}-pipe-role`);
      expect(file.text, file.name).not.toContain(`${stream}-pipe-role`);
    }
  });
});
