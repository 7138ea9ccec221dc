/**
 * The lab's side of the sandbox's look across accounts: asks a kinesis-lab sandbox's admin route
 * (src/sandbox/admin/where-route.ts) where else a name exists, leaving out the lab's own account.
 * Any failure — an endpoint that is not a kinesis-lab sandbox, a sandbox on another machine (it
 * answers 403), a slow answer — counts as "nowhere else": the hint is a help, never a second error.
 */
import type { OtherAccount, OtherAccountsProbe, SandboxResourceKind } from '../diagnose/other-accounts.js';
import { WHERE_PATH, type WhereAnswer } from '../sandbox/admin/where-route.js';

const TIMEOUT_MS = 2_000;

export function sandboxLocator(endpoint: string, labAccount: string, fetchImpl: typeof fetch = fetch): OtherAccountsProbe {
  return {
    async find(kind: SandboxResourceKind, name: string): Promise<OtherAccount[]> {
      const query = new URLSearchParams({ kind, name, exclude: labAccount });
      try {
        const response = await fetchImpl(`${endpoint.replace(/\/+$/, '')}${WHERE_PATH}?${query}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (!response.ok) return [];
        const answer = (await response.json()) as Partial<WhereAnswer>;
        return Array.isArray(answer.found) ? answer.found.filter((place) => typeof place.account === 'string' && place.account !== labAccount) : [];
      } catch {
        return [];
      }
    },
  };
}
