// Run: npm install @aws-sdk/client-kinesis @aws-sdk/client-iam @aws-sdk/client-pipes @smithy/node-http-handler tsx && npx tsx {{file}}
// Connect the stream to a second stream through an EventBridge Pipe.
import { setTimeout as sleep } from "node:timers/promises";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, waitUntilStreamExists } from "@aws-sdk/client-kinesis";
import { CreatePipeCommand, DescribePipeCommand, PipesClient } from "@aws-sdk/client-pipes";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const stream = "{{stream}}";
const target = "{{pipeTarget}}";
const role = "{{pipeRole}}";
const pipe = "{{pipeName}}";
// The Kinesis client speaks HTTP/2 by default; HTTP/1.1 works with AWS and local endpoints alike.
const kinesis = new KinesisClient({ region: "{{region}}", requestHandler: new NodeHttpHandler(){{tsEndpoint}} });
const iam = new IAMClient({ region: "{{region}}"{{tsEndpoint}} });
const pipes = new PipesClient({ region: "{{region}}"{{tsEndpoint}} });

// 1. The target stream, and both ARNs.
await kinesis.send(new CreateStreamCommand({ StreamName: target, ShardCount: 1 }));
await waitUntilStreamExists({ client: kinesis, maxWaitTime: 120, minDelay: 1 }, { StreamName: target });
const arnOf = async (name: string) =>
  (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary?.StreamARN;
const sourceArn = await arnOf(stream);
const targetArn = await arnOf(target);

// 2. The role the pipe runs as: trusted by EventBridge Pipes (for pipes in this account only),
// allowed to read the source and write the target.
const account = sourceArn?.split(":")[4];
const trust = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "pipes.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": account } },
    },
  ],
};
const tags = [{ Key: "kinesis-lab", Value: "kinesis-data-streams" }];
const { Role } = await iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: JSON.stringify(trust), Tags: tags }));
const access = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Resource: sourceArn,
      Action: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard"],
    },
    { Effect: "Allow", Resource: targetArn, Action: ["kinesis:PutRecord", "kinesis:PutRecords"] },
  ],
};
await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "kinesis-lab-pipe-access", PolicyDocument: JSON.stringify(access) }));
await sleep({{iamWaitSeconds}} * 1000); // on AWS a new IAM role takes seconds before a service can assume it

// 3. The pipe. TRIM_HORIZON: records sent while the pipe is being created are not missed.
await pipes.send(
  new CreatePipeCommand({
    Name: pipe,
    RoleArn: Role?.Arn,
    Source: sourceArn,
    Target: targetArn,
    SourceParameters: {
      KinesisStreamParameters: {
        StartingPosition: "TRIM_HORIZON",
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: 1,
        ParallelizationFactor: 1,
        MaximumRetryAttempts: 10,
        OnPartialBatchItemFailure: "AUTOMATIC_BISECT",
      },
    },
    TargetParameters: { KinesisStreamParameters: { PartitionKey: "$.partitionKey" } },
    Tags: { "kinesis-lab": "kinesis-data-streams" },
  }),
);

// CREATING for a minute or two on AWS, then RUNNING.
const described = await pipes.send(new DescribePipeCommand({ Name: pipe }));
console.log(described.CurrentState, described.StateReason ?? "");
