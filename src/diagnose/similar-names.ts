import { editDistance } from '../validate/edit-distance.js';

/** Lower-case without `_`, `-` and `.`: `Input_Stream`, `input-stream` and `inputstream` all become `inputstream`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_.-]/g, '');
}

/**
 * Names among `candidates` that the learner probably meant by `name`: equal after normalisation,
 * or within two edits (ignoring case). Very short names need the edits to be fewer than half
 * their length, so `ab` does not "resemble" `xy`. The exact name itself is excluded. Closest first,
 * ties in code-unit order (not locale order, so the result is the same on every machine).
 */
export function similarNames(name: string, candidates: readonly string[]): string[] {
  const target = name.toLowerCase();
  const normalized = normalizeName(name);
  return candidates
    .filter((candidate) => candidate !== name)
    .map((candidate) => {
      const distance = normalizeName(candidate) === normalized ? 0 : editDistance(target, candidate.toLowerCase());
      return { candidate, distance };
    })
    .filter(({ candidate, distance }) => distance <= 2 && distance < Math.min(name.length, candidate.length) / 2)
    .sort((a, b) => a.distance - b.distance || byCodeUnit(a.candidate, b.candidate))
    .map(({ candidate }) => candidate);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
