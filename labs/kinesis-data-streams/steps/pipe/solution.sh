# Run: bash {{file}}
# Connect {{stream}} to a second stream, {{pipeTarget}}, through an EventBridge Pipe.
target={{pipeTarget}}
role={{pipeRole}}

# 1. The target stream, and both ARNs.
aws kinesis create-stream --stream-name "$target" --shard-count 1 --region {{region}}{{cliEndpoint}}
aws kinesis wait stream-exists --stream-name "$target" --region {{region}}{{cliEndpoint}}
source_arn=$(aws kinesis describe-stream-summary --stream-name {{stream}} --region {{region}}{{cliEndpoint}} \
  --query StreamDescriptionSummary.StreamARN --output text)
target_arn=$(aws kinesis describe-stream-summary --stream-name "$target" --region {{region}}{{cliEndpoint}} \
  --query StreamDescriptionSummary.StreamARN --output text)

# 2. The role the pipe runs as: trusted by EventBridge Pipes (for pipes in this account only),
# allowed to read the source and write the target. IAM is global; the region only tells the CLI where to sign.
account=$(echo "$source_arn" | cut -d: -f5)
role_arn=$(aws iam create-role --role-name "$role" --query Role.Arn --output text --region {{region}}{{cliEndpoint}} \
  --tags Key=kinesis-lab,Value=kinesis-data-streams --assume-role-policy-document "$(printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
  "Principal":{"Service":"pipes.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"%s"}}}]}' "$account")")
aws iam put-role-policy --role-name "$role" --policy-name kinesis-lab-pipe-access --region {{region}}{{cliEndpoint}} --policy-document "$(printf '{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":["kinesis:DescribeStream","kinesis:DescribeStreamSummary","kinesis:GetRecords","kinesis:GetShardIterator","kinesis:ListShards","kinesis:ListStreams","kinesis:SubscribeToShard"],"Resource":"%s"},
  {"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords"],"Resource":"%s"}]}' "$source_arn" "$target_arn")"
sleep {{iamWaitSeconds}} # on AWS a new IAM role takes seconds before a service can assume it

# 3. The pipe. TRIM_HORIZON: records sent while the pipe is being created are not missed.
aws pipes create-pipe --name {{pipeName}} --role-arn "$role_arn" --source "$source_arn" --target "$target_arn" \
  --source-parameters '{"KinesisStreamParameters":{"StartingPosition":"TRIM_HORIZON","BatchSize":100,"MaximumBatchingWindowInSeconds":1,
    "ParallelizationFactor":1,"MaximumRetryAttempts":10,"OnPartialBatchItemFailure":"AUTOMATIC_BISECT"}}' \
  --target-parameters '{"KinesisStreamParameters":{"PartitionKey":"$.partitionKey"}}' \
  --tags kinesis-lab=kinesis-data-streams \
  --region {{region}}{{cliEndpoint}}

# CREATING for a minute or two on AWS, then RUNNING.
aws pipes describe-pipe --name {{pipeName}} --region {{region}}{{cliEndpoint}} \
  --query '[CurrentState,StateReason]' --output text
