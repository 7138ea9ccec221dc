import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/**
 * The terminal's columns and rows, re-rendering on every resize: Ink re-lays out the old tree on a
 * resize, but views that size themselves from the terminal (and a form that keeps its field in view)
 * need a new render to reflow.
 */
export function useTerminalSize(fallback = { columns: 100, rows: 32 }): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || fallback.columns, rows: stdout.rows || fallback.rows });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
