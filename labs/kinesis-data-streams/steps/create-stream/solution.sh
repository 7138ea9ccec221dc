# Run: bash {{file}}
# Create a provisioned stream and wait until it is ACTIVE.

aws kinesis create-stream --stream-name {{stream}} --shard-count {{shardCount}} \
  --stream-mode-details StreamMode=PROVISIONED --region {{region}}{{cliEndpoint}}

# Polls DescribeStream until the status leaves CREATING.
aws kinesis wait stream-exists --stream-name {{stream}} --region {{region}}{{cliEndpoint}}

aws kinesis describe-stream-summary --stream-name {{stream}} --region {{region}}{{cliEndpoint}} \
  --query 'StreamDescriptionSummary.[StreamStatus,OpenShardCount,StreamModeDetails.StreamMode,StreamARN]' \
  --output text
