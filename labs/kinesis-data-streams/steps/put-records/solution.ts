// Run: npm install @aws-sdk/client-kinesis @smithy/node-http-handler tsx && npx tsx {{file}}
// Send taxi trips in PutRecords batches of 500, retrying only the entries that failed.
// Usage: npx tsx {{file}} [count]   (default 5000)
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { KinesisClient, PutRecordsCommand, type PutRecordsRequestEntry } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const stream = "{{stream}}";
const BATCH_RECORDS = 500; // PutRecords takes at most 500 entries
const BATCH_BYTES = 5 * 1024 * 1024; // and at most 5 MiB per request (10 MiB since October 2025)
const MAX_RETRIES = 5;
// The Kinesis client speaks HTTP/2 by default; HTTP/1.1 works with AWS and local endpoints alike.
const kinesis = new KinesisClient({ region: "{{region}}", requestHandler: new NodeHttpHandler(){{tsEndpoint}} });

const between = (min: number, max: number) => min + Math.random() * (max - min);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A random trip somewhere in Manhattan. */
function taxiTrip() {
  const dropoff = new Date();
  const distance = round(between(0.5, 15), 2);
  return {
    tripId: randomUUID(),
    vendorId: Math.ceil(between(0, 2)),
    pickupTime: new Date(dropoff.getTime() - between(3, 45) * 60_000).toISOString(),
    dropoffTime: dropoff.toISOString(),
    pickupLatitude: round(between(40.7, 40.8), 6),
    pickupLongitude: round(between(-74.02, -73.93), 6),
    dropoffLatitude: round(between(40.7, 40.8), 6),
    dropoffLongitude: round(between(-74.02, -73.93), 6),
    passengerCount: Math.ceil(between(0, 4)),
    tripDistanceKm: distance,
    fareAmount: round(3 + distance * 1.75, 2),
    paymentType: (["card", "cash", "mobile"] as const)[Math.floor(between(0, 3))],
    city: "New York",
  };
}

// The limits count the data plus the partition key.
const entrySize = (entry: PutRecordsRequestEntry) => (entry.Data?.length ?? 0) + Buffer.byteLength(entry.PartitionKey ?? "");

/** One PutRecords call, then again with only the failed entries until none are left. */
async function send(entries: PutRecordsRequestEntry[]): Promise<void> {
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    const response = await kinesis.send(new PutRecordsCommand({ StreamName: stream, Records: entries }));
    const results = response.Records ?? [];
    // Results come back in request order; a failed entry carries an ErrorCode instead of a SequenceNumber.
    const failed = entries.filter((_, i) => results[i]?.ErrorCode !== undefined);
    const codes = [...new Set(results.flatMap((result) => (result.ErrorCode ? [result.ErrorCode] : [])))];
    console.log(response.$metadata.requestId, response.$metadata.httpStatusCode, `sent=${entries.length}`, `failed=${response.FailedRecordCount}`, codes.join(" "));
    if (failed.length === 0) return;
    entries = failed;
    await sleep(Math.min(100 * 2 ** attempt, 2000)); // back off before retrying, or the shard stays throttled
  }
  throw new Error(`${entries.length} records still failing after ${MAX_RETRIES} retries`);
}

const count = Number(process.argv[2] ?? 5000);
let batch: PutRecordsRequestEntry[] = [];
let batchBytes = 0;
for (let i = 0; i < count; i++) {
  const trip = taxiTrip();
  const entry = { Data: new TextEncoder().encode(JSON.stringify(trip)), PartitionKey: trip.tripId };
  if (batch.length === BATCH_RECORDS || batchBytes + entrySize(entry) > BATCH_BYTES) {
    await send(batch);
    batch = [];
    batchBytes = 0;
  }
  batch.push(entry);
  batchBytes += entrySize(entry);
}
if (batch.length > 0) await send(batch);
