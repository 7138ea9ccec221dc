/**
 * The CloudWatch view checks need: Sum of one Kinesis stream metric over a window.
 * Implemented over GetMetricData in src/aws; a fake in tests.
 */
export interface StreamMetricsPort {
  /** Sum of `metric` (e.g. `PutRecords.SuccessfulRecords`) for the stream between start and end; 0 when CloudWatch has nothing yet. */
  sum(stream: string, metric: string, start: Date, end: Date): Promise<number>;
}
