// Run: npm install @aws-sdk/client-kinesis @smithy/node-http-handler tsx && npx tsx {{file}}
// Send random taxi trips to the stream, one PutRecord call per trip.
// Usage: npx tsx {{file}} [count]   (default 200)
import { randomUUID } from "node:crypto";
import { KinesisClient, PutRecordCommand } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

const stream = "{{stream}}";
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

const count = Number(process.argv[2] ?? 200);
for (let i = 0; i < count; i++) {
  const trip = taxiTrip();
  // A random key (the trip id) spreads trips evenly over the shards.
  const response = await kinesis.send(
    new PutRecordCommand({ StreamName: stream, PartitionKey: trip.tripId, Data: new TextEncoder().encode(JSON.stringify(trip)) }),
  );
  const { requestId, httpStatusCode } = response.$metadata;
  console.log(requestId, httpStatusCode, response.ShardId, response.SequenceNumber);
}
