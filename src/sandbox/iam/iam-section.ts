/**
 * IAM's roles as a durable section (../durable/durable-section.ts): a change is a role as it is after
 * a call (or a role gone); a snapshot is one chunk per role, in the StoredRole shape.
 */
import type { DurableSection } from '../durable/durable-section.js';
import { stored, type IamChange, type IamStore, type StoredRole } from './iam-store.js';

export function iamSection(store: IamStore): DurableSection<IamChange> {
  return {
    name: 'iam',
    formatVersion: 1,
    apply: (change) => store.apply(change),
    snapshot: () => store.list().map(stored),
    restore(chunk) {
      const role = chunk as StoredRole;
      if (typeof role.account !== 'string' || typeof role.roleName !== 'string' || !Array.isArray(role.tags)) throw new Error(`not a role: ${JSON.stringify(chunk).slice(0, 80)}`);
      store.apply({ k: 'role', role });
    },
    reset: () => store.clear(),
  };
}
