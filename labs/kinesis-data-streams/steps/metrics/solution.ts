// Run: npm install @aws-sdk/client-cloudwatch tsx && npx tsx {{file}}
// Read the stream's Put record metrics per minute for the last 15 minutes with one GetMetricData call.
// Empty series right after sending are normal: on AWS the data shows about 5–7 minutes later.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";

const stream = "{{stream}}";
const cloudwatch = new CloudWatchClient({ region: "{{region}}"{{tsEndpoint}} });
const metrics = ["PutRecord.Success", "PutRecords.SuccessfulRecords", "PutRecords.FailedRecords", "PutRecords.ThrottledRecords"];

const end = new Date();
const start = new Date(end.getTime() - 15 * 60_000);
const queries: MetricDataQuery[] = metrics.map((name, i) => ({
  Id: `m${i}`, // ids must start with a lowercase letter
  Label: name,
  MetricStat: {
    Metric: { Namespace: "AWS/Kinesis", MetricName: name, Dimensions: [{ Name: "StreamName", Value: stream }] },
    Period: 60,
    Stat: "Sum",
  },
}));

let nextToken: string | undefined;
do {
  const page = await cloudwatch.send(
    new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: start, EndTime: end, ScanBy: "TimestampAscending", NextToken: nextToken }),
  );
  for (const result of page.MetricDataResults ?? []) {
    // StatusCode PartialData means more points follow on the next page.
    console.log(`== ${result.Label} (${result.StatusCode})`);
    result.Timestamps?.forEach((at, i) => console.log(at.toISOString(), result.Values?.[i]));
  }
  nextToken = page.NextToken;
} while (nextToken);
