# Run: python3 {{file}}
# Needs boto3 (pip install boto3; AWS CloudShell has it).
"""Send random taxi trips to the stream, one PutRecord call per trip.

Prints the request id and HTTP status of every call, then the shard and sequence number.
Usage: python3 {{file}} [count]   (default 200; Ctrl+C stops early)
"""
import json
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

import boto3

STREAM = "{{stream}}"
kinesis = boto3.client("kinesis", region_name="{{region}}"{{pyEndpoint}})


def taxi_trip():
    """A random trip somewhere in Manhattan."""
    dropoff = datetime.now(timezone.utc)
    minutes = random.randint(3, 45)
    distance = round(random.uniform(0.5, 15.0), 2)
    return {
        "tripId": str(uuid.uuid4()),
        "vendorId": random.randint(1, 2),
        "pickupTime": (dropoff - timedelta(minutes=minutes)).isoformat(),
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


count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
try:
    for _ in range(count):
        trip = taxi_trip()
        # A random key (the trip id) spreads trips evenly over the shards.
        response = kinesis.put_record(StreamName=STREAM, Data=json.dumps(trip), PartitionKey=trip["tripId"])
        meta = response["ResponseMetadata"]
        print(meta.get("RequestId", "-"), meta["HTTPStatusCode"], response["ShardId"], response["SequenceNumber"])
except KeyboardInterrupt:
    pass
