/** Screen-only state (what is scrolled, which view is open); the lab's state lives in the engine. */
export interface UiState {
  /** Rows the step text is scrolled. */
  scroll: number;
  /** Rows the code is scrolled; the code view opens at its top. */
  codeScroll: number;
  showCode: boolean;
  /** The code was opened by "do it for me" (not by the learner): it closes again once the step is checked. */
  codeOpenedByRun?: boolean;
  codeTab: CodeTab;
  /** Index of the hint shown, or -1 for none. */
  hint: number;
  /** Set while the full result view (r) is open: how far it is scrolled. */
  resultScroll?: number;
  /** What the last w (write the code files) did, or the question it waits on. */
  codeFiles?: CodeFilesNotice;
}

export type CodeTab = 'cli' | 'typescript' | 'python';
export const CODE_TABS: readonly CodeTab[] = ['cli', 'typescript', 'python'];

export type CodeFilesNotice =
  | { kind: 'written'; dir: string; files: string[] }
  | { kind: 'unchanged'; dir: string }
  | { kind: 'ask'; files: string[] }
  | { kind: 'kept'; files: string[] }
  | { kind: 'failed'; message: string };

export const initialUiState: UiState = { scroll: 0, codeScroll: 0, showCode: false, codeTab: 'cli', hint: -1 };
