# Run: bash {{file}}
# Send taxi trips in PutRecords batches of 500, retrying only the entries that failed.
# Usage: bash {{file}} [count]   (default 5000). Needs jq (preinstalled in AWS CloudShell).
count=${1:-5000}

# AWS CLI v2 expects blobs as base64 unless told otherwise; v1 sends the text as given.
binary_format="--cli-binary-format raw-in-base64-out"
case "$(aws --version 2>&1)" in aws-cli/1.*) binary_format="" ;; esac

batch=$(mktemp)

sent=0
while [ "$sent" -lt "$count" ]; do
  size=$((count - sent < 500 ? count - sent : 500)) # PutRecords takes at most 500 entries
  # The entries, each with its own partition key, as the JSON list --records expects.
  jq -n --argjson size "$size" --argjson first "$sent" --arg run "$$" --arg now "$(date -u +%FT%TZ)" \
    '[range($size) | ($first + .) as $n | "trip-\($run)-\($n)" as $id | {
      PartitionKey: $id,
      Data: ({tripId: $id, vendorId: ($n % 2 + 1), pickupTime: $now, dropoffTime: $now,
              pickupLatitude: 40.75, pickupLongitude: -73.98, dropoffLatitude: 40.76, dropoffLongitude: -73.97,
              passengerCount: ($n % 4 + 1), tripDistanceKm: 2.5, fareAmount: 7.4, paymentType: "card",
              city: "New York"} | tojson)
    }]' > "$batch"

  for attempt in 0 1 2 3 4 5; do
    response=$(aws kinesis put-records --stream-name {{stream}} --records "file://$batch" \
      $binary_format --region {{region}}{{cliEndpoint}} --output json)
    if [ -z "$response" ]; then failed=$(jq length "$batch"); break; fi # the call itself failed
    failed=$(jq '.FailedRecordCount' <<<"$response")
    echo "PutRecords attempt $attempt: sent $(jq length "$batch"), failed $failed"
    [ "$failed" -eq 0 ] && break
    # Results come back in request order: keep the entries whose result has an ErrorCode.
    jq --argjson response "$response" \
      '[to_entries[] | select($response.Records[.key].ErrorCode != null) | .value]' "$batch" > "$batch.retry"
    mv "$batch.retry" "$batch"
    sleep $((attempt + 1)) # back off, or the shard stays throttled
  done
  if [ "$failed" -ne 0 ]; then echo "$failed records still failing, giving up" >&2; break; fi
  sent=$((sent + size))
done
rm -f "$batch"
