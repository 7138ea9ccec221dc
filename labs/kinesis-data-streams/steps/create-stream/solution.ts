// Run: npm install @aws-sdk/client-kinesis @smithy/node-http-handler tsx && npx tsx {{file}}
// Create a provisioned stream and wait until it is ACTIVE.
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, waitUntilStreamExists } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const stream = "{{stream}}";
// The Kinesis client speaks HTTP/2 by default; HTTP/1.1 works with AWS and local endpoints alike.
const kinesis = new KinesisClient({ region: "{{region}}", requestHandler: new NodeHttpHandler(){{tsEndpoint}} });

await kinesis.send(
  new CreateStreamCommand({ StreamName: stream, ShardCount: {{shardCount}}, StreamModeDetails: { StreamMode: "PROVISIONED" } }),
);

// A new stream is CREATING for a few seconds; the waiter polls until it is ACTIVE.
await waitUntilStreamExists({ client: kinesis, maxWaitTime: 120, minDelay: 1 }, { StreamName: stream });

const { StreamDescriptionSummary: summary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
console.log(summary?.StreamStatus, summary?.OpenShardCount, summary?.StreamModeDetails?.StreamMode, summary?.StreamARN);
