# Run: python3 {{file}}
# Needs boto3 (pip install boto3; AWS CloudShell has it).
"""Connect the stream to a second stream through an EventBridge Pipe."""
import json
import time

import boto3

STREAM = "{{stream}}"
TARGET = "{{pipeTarget}}"
ROLE = "{{pipeRole}}"
PIPE = "{{pipeName}}"
kinesis = boto3.client("kinesis", region_name="{{region}}"{{pyEndpoint}})
iam = boto3.client("iam", region_name="{{region}}"{{pyEndpoint}})
pipes = boto3.client("pipes", region_name="{{region}}"{{pyEndpoint}})

# 1. The target stream, and both ARNs.
kinesis.create_stream(StreamName=TARGET, ShardCount=1)
kinesis.get_waiter("stream_exists").wait(StreamName=TARGET, WaiterConfig={"Delay": 2, "MaxAttempts": 60})
source_arn = kinesis.describe_stream_summary(StreamName=STREAM)["StreamDescriptionSummary"]["StreamARN"]
target_arn = kinesis.describe_stream_summary(StreamName=TARGET)["StreamDescriptionSummary"]["StreamARN"]

# 2. The role the pipe runs as: trusted by EventBridge Pipes (for pipes in this account only),
# allowed to read the source and write the target.
account = source_arn.split(":")[4]
trust = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "pipes.amazonaws.com"}, "Action": "sts:AssumeRole",
     "Condition": {"StringEquals": {"aws:SourceAccount": account}}}]}
tags = [{"Key": "kinesis-lab", "Value": "kinesis-data-streams"}]
role_arn = iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=json.dumps(trust), Tags=tags)["Role"]["Arn"]
access = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Resource": source_arn, "Action": [
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
        "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard"]},
    {"Effect": "Allow", "Resource": target_arn, "Action": ["kinesis:PutRecord", "kinesis:PutRecords"]}]}
iam.put_role_policy(RoleName=ROLE, PolicyName="kinesis-lab-pipe-access", PolicyDocument=json.dumps(access))
time.sleep({{iamWaitSeconds}})  # on AWS a new IAM role takes seconds before a service can assume it

# 3. The pipe. TRIM_HORIZON: records sent while the pipe is being created are not missed.
pipes.create_pipe(
    Name=PIPE,
    RoleArn=role_arn,
    Source=source_arn,
    Target=target_arn,
    SourceParameters={"KinesisStreamParameters": {
        "StartingPosition": "TRIM_HORIZON", "BatchSize": 100, "MaximumBatchingWindowInSeconds": 1,
        "ParallelizationFactor": 1, "MaximumRetryAttempts": 10, "OnPartialBatchItemFailure": "AUTOMATIC_BISECT"}},
    TargetParameters={"KinesisStreamParameters": {"PartitionKey": "$.partitionKey"}},
    Tags={"kinesis-lab": "kinesis-data-streams"},
)

# CREATING for a minute or two on AWS, then RUNNING.
pipe = pipes.describe_pipe(Name=PIPE)
print(pipe["CurrentState"], pipe.get("StateReason", ""))
