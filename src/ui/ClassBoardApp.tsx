import { useInput } from 'ink';
import type { BoardFeed } from '../classroom/board-feed.js';
import type { ClassroomMessages } from '../i18n/classroom-messages.js';
import { ClassBoard } from './ClassBoard.js';
import { useBoardFeed } from './use-board-feed.js';

export interface ClassBoardAppProps {
  feed: BoardFeed;
  order: readonly string[];
  titles: Readonly<Record<string, string>>;
  stream: string;
  t: ClassroomMessages;
  onQuit: () => void;
}

/** The live board: polls through the feed, quits on q or Ctrl+C. */
export function ClassBoardApp({ feed, order, titles, stream, t, onQuit }: ClassBoardAppProps) {
  const snapshot = useBoardFeed(feed);
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) onQuit();
  });
  return <ClassBoard board={snapshot.board} layout={{ order, titles, now: snapshot.now }} stream={stream} t={t} error={snapshot.error} />;
}
