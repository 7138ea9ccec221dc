/**
 * Roles the sandbox's IAM knows, per account (IAM is global: one store serves every region). Pipes
 * asks it whether a pipe's execution role exists before the pipe may run. Every change goes through
 * `commit` (the durable log: journaled, then applied by `applyIamChange`), so roles, their policies
 * and tags outlive a restart.
 */
import { randomBytes } from 'node:crypto';

/** One IAM role as the sandbox keeps it. */
export interface IamRole {
  account: string;
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  /** The trust policy exactly as the caller sent it (JSON text). */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  createDate: Date;
  tags: Map<string, string>;
  /** Inline policies by name, JSON text as sent. */
  inlinePolicies: Map<string, string>;
}

/** A role as the journal and snapshots hold it: plain JSON, pairs in their order. */
export type StoredRole = Omit<IamRole, 'createDate' | 'tags' | 'inlinePolicies'> & {
  createdMs: number;
  tags: [string, string][];
  inlinePolicies: [string, string][];
};

/** Every change to IAM's state: a role as it is now, or a role gone. */
export type IamChange = { k: 'role'; role: StoredRole } | { k: 'drop'; account: string; roleName: string };

export class IamStore {
  private readonly roles = new Map<string, IamRole>();
  private commit: (change: IamChange) => void = (change) => this.apply(change);

  constructor(private readonly clock: () => number = Date.now) {}

  /** From now on changes go through `commit` (the durable log). */
  commitThrough(commit: (change: IamChange) => void): void {
    this.commit = commit;
  }

  /** Role names are case-insensitive in IAM: `MyRole` and `myrole` cannot both exist in one account. */
  get(account: string, roleName: string): IamRole | undefined {
    return this.roles.get(roleKey(account, roleName));
  }

  create(account: string, input: { roleName: string; path: string; assumeRolePolicyDocument: string; description?: string; maxSessionDuration: number; tags: Map<string, string> }): IamRole {
    const role: StoredRole = {
      account,
      roleName: input.roleName,
      path: input.path,
      assumeRolePolicyDocument: input.assumeRolePolicyDocument,
      ...(input.description !== undefined ? { description: input.description } : {}),
      maxSessionDuration: input.maxSessionDuration,
      roleId: `AROA${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`,
      arn: `arn:aws:iam::${account}:role${input.path}${input.roleName}`,
      createdMs: this.clock(),
      tags: [...input.tags],
      inlinePolicies: [],
    };
    this.commit({ k: 'role', role });
    return this.get(account, input.roleName)!;
  }

  /**
   * Changes a role: `change` edits a copy, which is then committed whole. A throw inside `change`
   * (a limit reached) leaves the role as it was.
   */
  update(role: IamRole, change: (copy: IamRole) => void): void {
    const copy: IamRole = { ...role, tags: new Map(role.tags), inlinePolicies: new Map(role.inlinePolicies) };
    change(copy);
    this.commit({ k: 'role', role: stored(copy) });
  }

  delete(account: string, roleName: string): void {
    this.commit({ k: 'drop', account, roleName });
  }

  /** The role an ARN names (path included in the match), in the account the ARN names. */
  findByArn(arn: string): IamRole | undefined {
    const account = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):role\/.*$/.exec(arn)?.[1];
    if (account === undefined) return undefined;
    const role = this.get(account, arn.slice(arn.lastIndexOf('/') + 1));
    return role?.arn === arn ? role : undefined;
  }

  /** Every role of every account (snapshots, the sandbox's look across accounts). */
  list(): IamRole[] {
    return [...this.roles.values()];
  }

  /** Applies one change, live or when the journal is replayed. */
  apply(change: IamChange): void {
    if (change.k === 'drop') {
      this.roles.delete(roleKey(change.account, change.roleName));
      return;
    }
    const { createdMs, tags, inlinePolicies, ...rest } = change.role;
    this.roles.set(roleKey(rest.account, rest.roleName), { ...rest, createDate: new Date(createdMs), tags: new Map(tags), inlinePolicies: new Map(inlinePolicies) });
  }

  clear(): void {
    this.roles.clear();
  }
}

export function stored(role: IamRole): StoredRole {
  const { createDate, tags, inlinePolicies, ...rest } = role;
  return { ...rest, createdMs: createDate.getTime(), tags: [...tags], inlinePolicies: [...inlinePolicies] };
}

function roleKey(account: string, roleName: string): string {
  return `${account}/${roleName.toLowerCase()}`;
}
