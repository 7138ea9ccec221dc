/**
 * Roles the sandbox's IAM knows. IAM is global, so one store serves every region; Pipes asks it
 * whether a pipe's execution role exists before the pipe may run.
 */
import { randomBytes } from 'node:crypto';
import { SANDBOX_ACCOUNT_ID } from '../sandbox-types.js';

/** One IAM role as the sandbox keeps it. */
export interface IamRole {
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

export class IamStore {
  private readonly roles = new Map<string, IamRole>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Role names are case-insensitive in IAM: `MyRole` and `myrole` cannot both exist. */
  get(roleName: string): IamRole | undefined {
    return this.roles.get(roleName.toLowerCase());
  }

  create(input: { roleName: string; path: string; assumeRolePolicyDocument: string; description?: string; maxSessionDuration: number; tags: Map<string, string> }): IamRole {
    const role: IamRole = {
      ...input,
      roleId: `AROA${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`,
      arn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role${input.path}${input.roleName}`,
      createDate: new Date(this.clock()),
      inlinePolicies: new Map(),
    };
    this.roles.set(input.roleName.toLowerCase(), role);
    return role;
  }

  delete(roleName: string): void {
    this.roles.delete(roleName.toLowerCase());
  }

  /** The role an ARN names, when the sandbox account holds it (path included in the match). */
  findByArn(arn: string): IamRole | undefined {
    const match = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):role(\/.*)$/.exec(arn);
    if (match?.[1] !== SANDBOX_ACCOUNT_ID) return undefined;
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const role = this.get(name);
    return role?.arn === arn ? role : undefined;
  }

  list(): IamRole[] {
    return [...this.roles.values()];
  }
}
