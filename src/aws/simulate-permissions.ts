/**
 * `iam:SimulatePrincipalPolicy` for the actions the lab needs: checks permissions without creating
 * anything. Needs iam:SimulatePrincipalPolicy itself, which learners often lack; the caller then says
 * the permissions could not be checked.
 */
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export interface SimulatedDecision {
  action: string;
  allowed: boolean;
}

/** IAM simulates users and roles, not STS sessions: arn:aws:sts::N:assumed-role/R/S becomes arn:aws:iam::N:role/R. */
export function principalArnFor(callerArn: string): string {
  const assumed = /^arn:([\w-]+):sts::(\d+):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  return assumed ? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` : callerArn;
}

export async function simulatePermissions(settings: AwsSettings, callerArn: string, actions: string[], resourceArns: string[]): Promise<SimulatedDecision[]> {
  // IAM is global; its endpoint is us-east-1 in the aws partition.
  const region = settings.endpoint ? settings.region : 'us-east-1';
  const client = new IAMClient({ ...baseClientConfig(settings, { region, keepAlive: false }), maxAttempts: 1 });
  try {
    const out = await client.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: principalArnFor(callerArn), ActionNames: actions, ResourceArns: resourceArns }));
    return (out.EvaluationResults ?? []).map((r) => ({ action: r.EvalActionName ?? '', allowed: r.EvalDecision === 'allowed' }));
  } finally {
    client.destroy();
  }
}
