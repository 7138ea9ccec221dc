#!/usr/bin/env bash
# Send 5,000 taxi trips in PutRecords batches of 500, retrying only the entries that failed.
# Needs jq (preinstalled in AWS CloudShell).
set -euo pipefail

# AWS CLI v2 expects blobs as base64 unless told otherwise; v1 sends the text as given.
binary_format="--cli-binary-format raw-in-base64-out"
case "$(aws --version 2>&1)" in aws-cli/1.*) binary_format="" ;; esac

batch=$(mktemp)
trap 'rm -f "$batch"' EXIT

for b in $(seq 1 10); do
  # 500 entries, each with its own partition key, written as the JSON list --records expects.
  jq -n --arg b "$b" --arg now "$(date -u +%FT%TZ)" '[range(500) | {
      PartitionKey: "trip-\($b)-\(.)",
      Data: ({tripId: "trip-\($b)-\(.)", vendorId: (. % 2 + 1), pickupTime: $now, dropoffTime: $now,
              pickupLatitude: 40.75, pickupLongitude: -73.98, dropoffLatitude: 40.76, dropoffLongitude: -73.97,
              passengerCount: (. % 4 + 1), tripDistanceKm: 2.5, fareAmount: 7.4, paymentType: "card",
              city: "New York"} | tojson)
    }]' > "$batch"

  for attempt in 0 1 2 3 4 5; do
    response=$(aws kinesis put-records --stream-name {{stream}} --records "file://$batch" \
      $binary_format --region {{region}}{{cliEndpoint}} --output json)
    failed=$(jq '.FailedRecordCount' <<<"$response")
    echo "batch $b attempt $attempt: sent $(jq length "$batch"), failed $failed"
    [ "$failed" -eq 0 ] && break
    # Results come back in request order: keep the entries whose result has an ErrorCode.
    jq --argjson response "$response" \
      '[to_entries[] | select($response.Records[.key].ErrorCode != null) | .value]' "$batch" > "$batch.retry"
    mv "$batch.retry" "$batch"
    sleep $((attempt + 1))
  done
  if [ "$failed" -ne 0 ]; then echo "batch $b: $failed records still failing" >&2; exit 1; fi
done
