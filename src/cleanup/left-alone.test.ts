import { describe, expect, it } from 'vitest';
import { deleteCommand, leftAlone } from './left-alone.js';

describe('left alone: resources with the lab\'s names the lab did not tag', () => {
  it('are those found that are not among the lab\'s own, each once', () => {
    const found = [
      { kind: 'stream' as const, name: 'input-stream', region: 'us-east-1', openShards: 1, onDemand: false },
      { kind: 'stream' as const, name: 'input-stream', region: 'eu-west-1', openShards: 2, onDemand: false },
      { kind: 'iam-role' as const, name: 'input-stream-pipe-role', region: 'global' },
      { kind: 'iam-role' as const, name: 'input-stream-pipe-role', region: 'global' },
    ];
    const owned = [{ kind: 'stream', name: 'input-stream', region: 'us-east-1', openShards: 1, onDemand: false }];
    expect(leftAlone(found, owned).map((r) => `${r.kind} ${r.name} ${r.region}`)).toEqual(['stream input-stream eu-west-1', 'iam-role input-stream-pipe-role global']);
  });

  it('come with the exact command that deletes each (a role loses its policies first)', () => {
    expect(deleteCommand({ kind: 'stream', name: 's', region: 'us-east-1' })).toBe('aws kinesis delete-stream --stream-name s --region us-east-1');
    expect(deleteCommand({ kind: 'pipe', name: 's-pipe', region: 'us-east-1' }, 'http://127.0.0.1:4567')).toBe('aws pipes delete-pipe --name s-pipe --region us-east-1 --endpoint-url http://127.0.0.1:4567');
    expect(deleteCommand({ kind: 'log-group', name: '/aws/vendedlogs/x', region: 'ap-northeast-2' })).toBe('aws logs delete-log-group --log-group-name /aws/vendedlogs/x --region ap-northeast-2');
    expect(deleteCommand({ kind: 'iam-role', name: 'r', region: 'global' })).toBe(
      "for p in $(aws iam list-role-policies --role-name r --query PolicyNames --output text); do aws iam delete-role-policy --role-name r --policy-name \"$p\"; done; for a in $(aws iam list-attached-role-policies --role-name r --query 'AttachedPolicies[].PolicyArn' --output text); do aws iam detach-role-policy --role-name r --policy-arn \"$a\"; done; aws iam delete-role --role-name r",
    );
  });
});
