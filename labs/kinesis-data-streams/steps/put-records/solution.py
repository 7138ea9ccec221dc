# Run: python3 {{file}}
# Needs boto3 (pip install boto3; AWS CloudShell has it).
"""Send taxi trips in PutRecords batches of 500, retrying only the entries that failed.

Usage: python3 {{file}} [count]   (default 5000)
"""
import json
import random
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

import boto3

STREAM = "{{stream}}"
BATCH_RECORDS = 500  # PutRecords takes at most 500 entries
BATCH_BYTES = 5 * 1024 * 1024  # and at most 5 MiB per request (10 MiB since October 2025)
MAX_RETRIES = 5
kinesis = boto3.client("kinesis", region_name="{{region}}"{{pyEndpoint}})


def taxi_trip():
    """A random trip somewhere in Manhattan."""
    dropoff = datetime.now(timezone.utc)
    distance = round(random.uniform(0.5, 15.0), 2)
    return {
        "tripId": str(uuid.uuid4()),
        "vendorId": random.randint(1, 2),
        "pickupTime": (dropoff - timedelta(minutes=random.randint(3, 45))).isoformat(),
        "dropoffTime": dropoff.isoformat(),
        "pickupLatitude": round(random.uniform(40.70, 40.80), 6),
        "pickupLongitude": round(random.uniform(-74.02, -73.93), 6),
        "dropoffLatitude": round(random.uniform(40.70, 40.80), 6),
        "dropoffLongitude": round(random.uniform(-74.02, -73.93), 6),
        "passengerCount": random.randint(1, 4),
        "tripDistanceKm": distance,
        "fareAmount": round(3.0 + distance * 1.75, 2),
        "paymentType": random.choice(["card", "cash", "mobile"]),
        "city": "New York",
    }


def entry_size(entry):
    # The limits count the data plus the partition key.
    return len(entry["Data"]) + len(entry["PartitionKey"].encode())


def send(entries):
    """One PutRecords call, then again with only the failed entries until none are left."""
    for attempt in range(MAX_RETRIES + 1):
        response = kinesis.put_records(StreamName=STREAM, Records=entries)
        meta = response["ResponseMetadata"]
        # Results come back in request order; a failed entry carries an ErrorCode instead of a SequenceNumber.
        failed = [entry for entry, result in zip(entries, response["Records"]) if "ErrorCode" in result]
        codes = sorted({result["ErrorCode"] for result in response["Records"] if "ErrorCode" in result})
        print(meta.get("RequestId", "-"), meta["HTTPStatusCode"], f"sent={len(entries)}",
              f"failed={response['FailedRecordCount']}", " ".join(codes))
        if not failed:
            return
        entries = failed
        time.sleep(min(0.1 * 2 ** attempt, 2.0))  # back off before retrying, or the shard stays throttled
    sys.exit(f"{len(entries)} records still failing after {MAX_RETRIES} retries")


count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
batch, batch_bytes = [], 0
for _ in range(count):
    trip = taxi_trip()
    entry = {"Data": json.dumps(trip).encode(), "PartitionKey": trip["tripId"]}
    if len(batch) == BATCH_RECORDS or batch_bytes + entry_size(entry) > BATCH_BYTES:
        send(batch)
        batch, batch_bytes = [], 0
    batch.append(entry)
    batch_bytes += entry_size(entry)
if batch:
    send(batch)
