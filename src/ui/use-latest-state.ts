import { useCallback, useRef, useState, type RefObject } from 'react';

/**
 * State a key handler can read the moment it changes: keys can come faster than renders (a key right
 * after Esc closed a form, or after r), so the handler reads the ref, set at once, not its render's copy.
 */
export function useLatestState<T extends object | boolean>(initial: T): [T, (next: T | ((value: T) => T)) => void, RefObject<T>] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T | ((value: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (value: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}
