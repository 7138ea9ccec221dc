# Run: python3 {{file}}
# Needs boto3 (pip install boto3; AWS CloudShell has it).
"""Create a provisioned stream and wait until it is ACTIVE."""
import boto3

STREAM = "{{stream}}"
kinesis = boto3.client("kinesis", region_name="{{region}}"{{pyEndpoint}})

kinesis.create_stream(
    StreamName=STREAM,
    ShardCount={{shardCount}},
    StreamModeDetails={"StreamMode": "PROVISIONED"},
)

# A new stream is CREATING for a few seconds; the waiter polls until it is ACTIVE.
kinesis.get_waiter("stream_exists").wait(StreamName=STREAM, WaiterConfig={"Delay": 2, "MaxAttempts": 60})

summary = kinesis.describe_stream_summary(StreamName=STREAM)["StreamDescriptionSummary"]
print(summary["StreamStatus"], summary["OpenShardCount"], summary["StreamModeDetails"]["StreamMode"], summary["StreamARN"])
