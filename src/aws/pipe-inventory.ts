/**
 * What cleanup needs from EventBridge Pipes and IAM: the pipes with their tags, the lab's execution
 * role with its tags, deletion, and a way to see each gone. Apart from the step's adapters so the
 * lab's actions never gain a delete-everything path.
 */
import { DeletePipeCommand, DescribePipeCommand, ListPipesCommand, type PipesClient } from '@aws-sdk/client-pipes';
import { DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, ListRolePoliciesCommand, ListRoleTagsCommand, type IAMClient } from '@aws-sdk/client-iam';

export interface PipeFacts {
  name: string;
  state: string;
  tags: Record<string, string>;
}

export interface PipeInventoryPort {
  listPipes(): Promise<string[]>;
  /** Undefined when the pipe does not exist (any more). */
  facts(name: string): Promise<PipeFacts | undefined>;
  deletePipe(name: string): Promise<void>;
}

export function createPipeInventory(client: PipesClient): PipeInventoryPort {
  return {
    async listPipes() {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(new ListPipesCommand({ Limit: 100, ...(nextToken ? { NextToken: nextToken } : {}) }));
        for (const pipe of page.Pipes ?? []) if (pipe.Name) names.push(pipe.Name);
        nextToken = page.NextToken;
      } while (nextToken);
      return names;
    },
    async facts(name) {
      try {
        const out = await client.send(new DescribePipeCommand({ Name: name }));
        return { name, state: out.CurrentState ?? 'RUNNING', tags: out.Tags ?? {} };
      } catch (error) {
        if ((error as { name?: string }).name === 'NotFoundException') return undefined;
        throw error;
      }
    },
    async deletePipe(name) {
      try {
        await client.send(new DeletePipeCommand({ Name: name }));
      } catch (error) {
        if ((error as { name?: string }).name !== 'NotFoundException') throw error;
      }
    },
  };
}

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
