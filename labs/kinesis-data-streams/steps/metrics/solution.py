# Run: python3 {{file}}
# Needs boto3 (pip install boto3; AWS CloudShell has it).
"""Read the stream's Put record metrics per minute for the last 15 minutes.

Empty lists right after sending are normal: on AWS the data shows about 5-7 minutes later.
"""
from datetime import datetime, timedelta, timezone

import boto3

STREAM = "{{stream}}"
METRICS = ["PutRecord.Success", "PutRecords.SuccessfulRecords", "PutRecords.FailedRecords", "PutRecords.ThrottledRecords"]
cloudwatch = boto3.client("cloudwatch", region_name="{{region}}"{{pyEndpoint}})

end = datetime.now(timezone.utc)
start = end - timedelta(minutes=15)
queries = [
    {
        "Id": f"m{i}",  # ids must start with a lowercase letter
        "Label": name,
        "MetricStat": {
            "Metric": {"Namespace": "AWS/Kinesis", "MetricName": name, "Dimensions": [{"Name": "StreamName", "Value": STREAM}]},
            "Period": 60,
            "Stat": "Sum",
        },
    }
    for i, name in enumerate(METRICS)
]

# The paginator follows NextToken; StatusCode PartialData means more points follow on the next page.
for page in cloudwatch.get_paginator("get_metric_data").paginate(
    MetricDataQueries=queries, StartTime=start, EndTime=end, ScanBy="TimestampAscending"
):
    for result in page["MetricDataResults"]:
        print(f"== {result['Label']} ({result['StatusCode']})")
        for at, value in zip(result["Timestamps"], result["Values"]):
            print(at.isoformat(), value)
