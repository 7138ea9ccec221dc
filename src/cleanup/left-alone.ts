/**
 * Resources with the lab's names that the lab did not make (no tag of this learner's lab): cleanup
 * lists them, with the exact command that deletes each and, on AWS, what it is billed while it runs,
 * and leaves them alone — it deletes only what the lab tagged.
 */
import type { SurveyedResource } from '../engine/world-survey-types.js';
import type { OwnedResource } from './owned-resource.js';

/** What was found under the lab's names that is not among the lab's own (tagged) resources. */
export function leftAlone(found: readonly SurveyedResource[], owned: readonly OwnedResource[]): SurveyedResource[] {
  const ours = new Set(owned.map((r) => key(r.kind, r.name, r.region)));
  const seen = new Set<string>();
  return found.filter((r) => {
    const k = key(r.kind, r.name, r.region);
    if (ours.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function key(kind: string, name: string, region: string): string {
  return `${kind === 'role' ? 'iam-role' : kind}|${name}|${region}`;
}

/** The AWS CLI command that deletes it (with the sandbox's endpoint when there is one). */
export function deleteCommand(r: SurveyedResource, endpoint?: string): string {
  const at = endpoint ? ` --endpoint-url ${endpoint}` : '';
  switch (r.kind) {
    case 'stream':
      return `aws kinesis delete-stream --stream-name ${r.name} --region ${r.region}${at}`;
    case 'pipe':
      return `aws pipes delete-pipe --name ${r.name} --region ${r.region}${at}`;
    case 'log-group':
      return `aws logs delete-log-group --log-group-name ${r.name} --region ${r.region}${at}`;
    case 'iam-role':
      // IAM refuses to delete a role that still has policies: its inline ones go, its managed ones are detached.
      return [
        `for p in $(aws iam list-role-policies --role-name ${r.name} --query PolicyNames --output text${at}); do aws iam delete-role-policy --role-name ${r.name} --policy-name "$p"${at}; done`,
        `for a in $(aws iam list-attached-role-policies --role-name ${r.name} --query 'AttachedPolicies[].PolicyArn' --output text${at}); do aws iam detach-role-policy --role-name ${r.name} --policy-arn "$a"${at}; done`,
        `aws iam delete-role --role-name ${r.name}${at}`,
      ].join('; ');
  }
}
