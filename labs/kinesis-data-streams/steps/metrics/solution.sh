# Run: bash {{file}}
# Read the stream's Put record metrics per minute for the last 15 minutes (GNU date, as in CloudShell).
# An empty "Datapoints" list right after sending is normal: on AWS the data shows about 5–7 minutes later.
start=$(date -u -d '-15 min' +%FT%TZ)
# EndTime is exclusive and date prints whole seconds: a minute ahead keeps the current minute in.
end=$(date -u -d '+1 min' +%FT%TZ)

for metric in PutRecord.Success PutRecords.SuccessfulRecords PutRecords.FailedRecords PutRecords.ThrottledRecords; do
  echo "== $metric (Sum per minute)"
  aws cloudwatch get-metric-statistics --namespace AWS/Kinesis --metric-name "$metric" \
    --dimensions Name=StreamName,Value={{stream}} --statistics Sum --period 60 \
    --start-time "$start" --end-time "$end" --region {{region}}{{cliEndpoint}} \
    --query 'sort_by(Datapoints, &Timestamp)[].[Timestamp, Sum]' --output text
done
