# Run: bash {{file}} 20
# Send taxi trips one PutRecord call at a time (Ctrl+C stops early): one AWS CLI call per trip.
# Usage: bash {{file}} [count]   (default 200)
count=${1:-200}

# AWS CLI v2 expects blobs as base64 unless told otherwise; v1 sends the text as given.
binary_format="--cli-binary-format raw-in-base64-out"
case "$(aws --version 2>&1)" in aws-cli/1.*) binary_format="" ;; esac

for i in $(seq 1 "$count"); do
  trip_id="trip-$(date +%s)-$i"
  now=$(date -u +%FT%TZ)
  trip=$(printf '{"tripId":"%s","vendorId":%d,"pickupTime":"%s","dropoffTime":"%s","pickupLatitude":40.7%04d,"pickupLongitude":-73.9%04d,"dropoffLatitude":40.7%04d,"dropoffLongitude":-73.9%04d,"passengerCount":%d,"tripDistanceKm":%d.%02d,"fareAmount":%d.%02d,"paymentType":"card","city":"New York"}' \
    "$trip_id" $((RANDOM % 2 + 1)) "$now" "$now" \
    $((RANDOM % 10000)) $((RANDOM % 10000)) $((RANDOM % 10000)) $((RANDOM % 10000)) \
    $((RANDOM % 4 + 1)) $((RANDOM % 15)) $((RANDOM % 100)) $((RANDOM % 40 + 3)) $((RANDOM % 100)))
  # The trip id as partition key: random keys spread the load over the shards.
  aws kinesis put-record --stream-name {{stream}} --partition-key "$trip_id" --data "$trip" \
    $binary_format --region {{region}}{{cliEndpoint}} \
    --query '[ShardId,SequenceNumber]' --output text
done
