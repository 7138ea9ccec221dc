/** Screen-only state (what is scrolled, which panel is open); the lab's state lives in the engine. */
export interface UiState {
  scroll: number;
  showCode: boolean;
  codeTab: CodeTab;
  /** Index of the hint shown, or -1 for none. */
  hint: number;
}

export type CodeTab = 'cli' | 'typescript' | 'python';
export const CODE_TABS: readonly CodeTab[] = ['cli', 'typescript', 'python'];

export const initialUiState: UiState = { scroll: 0, showCode: false, codeTab: 'cli', hint: -1 };
