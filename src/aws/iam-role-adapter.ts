/**
 * The narrow view of IAM that step 5 uses: one execution role with an inline policy, over SDK v3's
 * IAMClient. IAM is global; the region only decides where requests are signed.
 */
import {
  CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, IAMClient, ListRolePoliciesCommand, ListRoleTagsCommand,
  PutRolePolicyCommand, TagRoleCommand, UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export interface RoleDescription {
  name: string;
  arn: string;
  /** The trust policy as JSON text (IAM returns it URL-encoded; this is decoded). */
  trustPolicy: string;
  /** GetRole returns the role's tags with it: whose the role is (see resources/ownership.ts). */
  tags: Record<string, string>;
}

export interface IamRolePort {
  /** The role, or undefined when there is none (NoSuchEntity). */
  getRole(name: string): Promise<RoleDescription | undefined>;
  createRole(input: { name: string; trustPolicy: string; description: string; tags: Record<string, string> }): Promise<RoleDescription>;
  updateTrustPolicy(name: string, trustPolicy: string): Promise<void>;
  /** Creates or replaces the inline policy of that name. */
  putRolePolicy(roleName: string, policyName: string, document: string): Promise<void>;
  tagRole(name: string, tags: Record<string, string>): Promise<void>;
}

export function createIamClient(settings: AwsSettings): IAMClient {
  return new IAMClient(baseClientConfig(settings));
}

export function createIamRoleAdapter(client: IAMClient): IamRolePort {
  return {
    async getRole(name) {
      try {
        const out = await client.send(new GetRoleCommand({ RoleName: name }));
        const tags = Object.fromEntries((out.Role?.Tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : [])));
        return { name, arn: out.Role?.Arn ?? '', trustPolicy: decodePolicy(out.Role?.AssumeRolePolicyDocument), tags };
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchEntityException') return undefined;
        throw error;
      }
    },
    async createRole(input) {
      const out = await client.send(
        new CreateRoleCommand({
          RoleName: input.name,
          AssumeRolePolicyDocument: input.trustPolicy,
          Description: input.description,
          Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
      return { name: input.name, arn: out.Role?.Arn ?? '', trustPolicy: input.trustPolicy, tags: { ...input.tags } };
    },
    async updateTrustPolicy(name, trustPolicy) {
      await client.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: trustPolicy }));
    },
    async putRolePolicy(roleName, policyName, document) {
      await client.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }));
    },
    async tagRole(name, tags) {
      await client.send(new TagRoleCommand({ RoleName: name, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
    },
  };
}

/** IAM hands policy documents back URL-encoded. */
function decodePolicy(text: string | undefined): string {
  if (!text) return '';
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What cleanup needs of a role: its tags (whose it is) and deletion. Apart from the step's port, as for pipes. */
export interface RoleInventoryPort {
  /** The role's tags, or undefined when there is no role of that name. */
  tagsOf(name: string): Promise<Record<string, string> | undefined>;
  /** Deletes its inline policies, then the role (IAM refuses a role that still has policies). */
  deleteRole(name: string): Promise<void>;
}

export function createRoleInventory(client: IAMClient): RoleInventoryPort {
  const missing = (error: unknown) => (error as { name?: string }).name === 'NoSuchEntityException';
  return {
    async tagsOf(name) {
      try {
        await client.send(new GetRoleCommand({ RoleName: name }));
        const tags: Record<string, string> = {};
        let marker: string | undefined;
        do {
          const page = await client.send(new ListRoleTagsCommand({ RoleName: name, ...(marker ? { Marker: marker } : {}) }));
          for (const tag of page.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
          marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker);
        return tags;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async deleteRole(name) {
      try {
        const { PolicyNames = [] } = await client.send(new ListRolePoliciesCommand({ RoleName: name }));
        for (const policy of PolicyNames) await client.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: policy }));
        await client.send(new DeleteRoleCommand({ RoleName: name }));
      } catch (error) {
        if (!missing(error)) throw error;
      }
    },
  };
}
