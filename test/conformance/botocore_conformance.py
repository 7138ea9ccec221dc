"""
Drives a kinesis-lab sandbox with botocore's own Kinesis, CloudWatch and Pipes models: for every
operation a valid call, and for every constrained member of its input an invalid one (required
missing, too short, too long, off its pattern, off its enum, out of its range), with botocore's own
client-side checks off so each request reaches the sandbox as written. Prints one JSON line per call:
{"service", "operation", "case", "expect", "status", "code", "message"}; the Vitest suite beside this
file compares them with what the model and AWS's documentation say.

    python3 botocore_conformance.py http://127.0.0.1:PORT
"""
import copy
import datetime
import json
import re
import sys
import time

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
REGION = 'us-east-1'
ACCOUNT = '000000000000'
SESSION = botocore.session.get_session()
NOW = datetime.datetime.now(datetime.timezone.utc)

# What each service answers a request the model refuses, per its documentation: Kinesis and Pipes
# ValidationException; CloudWatch's common errors for a bad parameter (all HTTP 400).
INVALID = {
    'kinesis': ['ValidationException'],
    'pipes': ['ValidationException'],
    'cloudwatch': ['ValidationError', 'InvalidParameterValue', 'MissingParameter', 'InvalidParameterCombination'],
}
# The CloudWatch actions the sandbox serves; every other one answers InvalidAction, as documented.
CLOUDWATCH_SERVED = {'GetMetricData', 'GetMetricStatistics', 'ListMetrics'}


def client(service):
    return SESSION.create_client(
        service, region_name=REGION, endpoint_url=ENDPOINT,
        aws_access_key_id='AKIAKINESISLAB000000', aws_secret_access_key='kinesis-lab-sandbox-secret',
        config=Config(parameter_validation=False, retries={'max_attempts': 1, 'mode': 'standard'}),
    )


def emit(service, operation, case, expect, status, code, message):
    print(json.dumps({'service': service, 'operation': operation, 'case': case, 'expect': expect,
                      'status': status, 'code': code, 'message': (message or '')[:300]}), flush=True)


def call(service, api, operation, params, case, expect):
    """One call, reported; True when it succeeded."""
    method = {name: method for method, name in api.meta.method_to_api_mapping.items()}[operation]
    try:
        result = getattr(api, method)(**params)
        if operation == 'SubscribeToShard':
            for _event in result['EventStream']:
                break
            result['EventStream'].close()
        emit(service, operation, case, expect, result['ResponseMetadata']['HTTPStatusCode'], None, None)
        return True
    except ClientError as error:
        emit(service, operation, case, expect, error.response['ResponseMetadata'].get('HTTPStatusCode'),
             error.response['Error'].get('Code'), error.response['Error'].get('Message'))
        return False


# --- invalid values for one member --------------------------------------------------------------

def bad_string(shape):
    """Strings that break one constraint each: too short, too long, off the pattern, off the enum."""
    found = []
    low, high = shape.metadata.get('min'), shape.metadata.get('max')
    if low:
        found.append(('too short', 'x' * (low - 1)))
    if high and high < 100_000:
        found.append(('too long', 'a' * (high + 1)))
    pattern = shape.metadata.get('pattern')
    if pattern:
        for candidate in ['!', '#!', ' x ', '::::', 'a b']:
            text = candidate * max(1, (low or 1))
            if (not low or len(text) >= low) and (not high or len(text) <= high) and not re.fullmatch(pattern, text):
                found.append(('off pattern', text))
                break
    if shape.enum:
        found.append(('off enum', 'NOT_A_VALUE'))
    return found


def bad_values(shape, valid):
    if shape.type_name == 'string':
        return bad_string(shape)
    if shape.type_name == 'blob':
        high = shape.metadata.get('max')
        return [('too long', b'x' * (high + 1))] if high and high <= 11 * 1024 * 1024 else []
    if shape.type_name in ('integer', 'long'):
        found = []
        if 'min' in shape.metadata:
            found.append(('below range', shape.metadata['min'] - 1))
        if 'max' in shape.metadata and shape.metadata['max'] < 2 ** 31 - 1:
            found.append(('above range', shape.metadata['max'] + 1))
        return found
    if shape.type_name == 'list':
        found = []
        if shape.metadata.get('min'):
            found.append(('too few', []))
        high = shape.metadata.get('max')
        if high and high <= 1000 and isinstance(valid, list) and valid:
            found.append(('too many', [valid[0]] * (high + 1)))
        return found
    if shape.type_name == 'map':
        found = []
        if shape.metadata.get('min'):
            found.append(('too few', {}))
        high = shape.metadata.get('max')
        if high and high <= 1000:
            found.append(('too many', {f'k{i}': 'v' for i in range(high + 1)}))
        return found
    return []


def mutations(shape, valid, prefix=''):
    """(case, input) pairs, each breaking one constraint of one member; nested one level into structures."""
    for name, member in shape.members.items():
        location = member.serialization.get('location')
        label = f'{prefix}{name}'
        if name in shape.required_members and location != 'uri':
            broken = copy.deepcopy(valid)
            broken.pop(name, None)
            yield f'{label}: required, missing', broken
        current = valid.get(name)
        for case, value in bad_values(member, current):
            if location == 'uri' and case in ('too short',):
                continue
            broken = copy.deepcopy(valid)
            broken[name] = value
            yield f'{label}: {case}', broken
        if member.type_name == 'structure' and isinstance(current, dict) and not prefix:
            for case, inner in mutations(member, current, f'{label}.'):
                broken = copy.deepcopy(valid)
                broken[name] = inner
                yield case, broken
        if member.type_name == 'list' and member.member.type_name == 'structure' and isinstance(current, list) and current and not prefix:
            for case, inner in mutations(member.member, current[0], f'{label}[0].'):
                broken = copy.deepcopy(valid)
                broken[name] = [inner] + current[1:]
                yield case, broken


def check(service, api, operation, valid, undo=None):
    """
    Every invalid call the model allows us to build, then the valid one (which may change state). An
    invalid call the sandbox wrongly carried out is reported, and `undo(operation, params)` puts the
    state back, so one miss does not disturb the calls after it.
    """
    shape = SESSION.get_service_model(service).operation_model(operation).input_shape
    for case, broken in (mutations(shape, valid) if shape is not None else []):
        if call(service, api, operation, broken, case, {'status': 400, 'codes': INVALID[service]}) and undo:
            undo(operation, broken)
    call(service, api, operation, valid, 'valid', {'status': 200})


# --- Kinesis ------------------------------------------------------------------------------------

def wait_active(k, name):
    for _ in range(200):
        if k.describe_stream_summary(StreamName=name)['StreamDescriptionSummary']['StreamStatus'] == 'ACTIVE':
            return
        time.sleep(0.02)


def kinesis():
    k = client('kinesis')
    arn = lambda name: f'arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{name}'
    for name, shards in [('conf-main', 2), ('conf-delete', 1), ('conf-split', 1), ('conf-merge', 2), ('conf-reshard', 1),
                         ('conf-mode', 1), ('conf-encrypt', 1), ('conf-decrypt', 1), ('conf-retention', 1), ('conf-size', 1)]:
        k.create_stream(StreamName=name, ShardCount=shards)
    k.create_stream(StreamName='conf-warm', StreamModeDetails={'StreamMode': 'ON_DEMAND'})
    for name in ['conf-main', 'conf-delete', 'conf-split', 'conf-merge', 'conf-reshard', 'conf-mode', 'conf-encrypt', 'conf-decrypt', 'conf-retention', 'conf-size', 'conf-warm']:
        wait_active(k, name)
    k.put_records(StreamName='conf-main', Records=[{'PartitionKey': 'a', 'Data': b'one'}, {'PartitionKey': 'b', 'Data': b'two'}])
    k.start_stream_encryption(StreamName='conf-decrypt', EncryptionType='KMS', KeyId='alias/aws/kinesis')
    k.increase_stream_retention_period(StreamName='conf-retention', RetentionPeriodHours=48)
    k.update_account_settings(MinimumThroughputBillingCommitment={'Status': 'ENABLED'})
    wait_active(k, 'conf-decrypt')
    consumer = k.register_stream_consumer(StreamARN=arn('conf-main'), ConsumerName='conf-reader')['Consumer']['ConsumerARN']
    doomed = k.register_stream_consumer(StreamARN=arn('conf-main'), ConsumerName='conf-doomed')['Consumer']['ConsumerARN']
    time.sleep(0.05)
    policy = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': '111122223333'}, 'Action': 'kinesis:PutRecord', 'Resource': arn('conf-main')}]})
    k.put_resource_policy(ResourceARN=arn('conf-main'), Policy=policy)
    iterator = lambda: k.get_shard_iterator(StreamName='conf-main', ShardId='shardId-000000000000', ShardIteratorType='TRIM_HORIZON')['ShardIterator']

    valid = {
        'AddTagsToStream': {'StreamName': 'conf-main', 'Tags': {'course': 'kinesis'}},
        'CreateStream': {'StreamName': 'conf-created', 'ShardCount': 1},
        'DecreaseStreamRetentionPeriod': {'StreamName': 'conf-retention', 'RetentionPeriodHours': 24},
        'DeleteResourcePolicy': {'ResourceARN': arn('conf-main')},
        'DeleteStream': {'StreamName': 'conf-delete'},
        'DeregisterStreamConsumer': {'ConsumerARN': doomed},
        'DescribeAccountSettings': {},
        'DescribeLimits': {},
        'DescribeStream': {'StreamName': 'conf-main', 'Limit': 10},
        'DescribeStreamConsumer': {'ConsumerARN': consumer},
        'DescribeStreamSummary': {'StreamName': 'conf-main'},
        'DisableEnhancedMonitoring': {'StreamName': 'conf-main', 'ShardLevelMetrics': ['IncomingBytes']},
        'EnableEnhancedMonitoring': {'StreamName': 'conf-main', 'ShardLevelMetrics': ['IncomingBytes']},
        'GetRecords': {'ShardIterator': iterator(), 'Limit': 10},
        'GetResourcePolicy': {'ResourceARN': arn('conf-main')},
        'GetShardIterator': {'StreamName': 'conf-main', 'ShardId': 'shardId-000000000000', 'ShardIteratorType': 'TRIM_HORIZON'},
        'IncreaseStreamRetentionPeriod': {'StreamName': 'conf-main', 'RetentionPeriodHours': 48},
        'ListShards': {'StreamName': 'conf-main', 'MaxResults': 10, 'ShardFilter': {'Type': 'AT_LATEST'}},
        'ListStreamConsumers': {'StreamARN': arn('conf-main'), 'MaxResults': 10},
        'ListStreams': {'Limit': 10},
        'ListTagsForResource': {'ResourceARN': arn('conf-main')},
        'ListTagsForStream': {'StreamName': 'conf-main', 'Limit': 10},
        'MergeShards': {'StreamName': 'conf-merge', 'ShardToMerge': 'shardId-000000000000', 'AdjacentShardToMerge': 'shardId-000000000001'},
        'PutRecord': {'StreamName': 'conf-main', 'PartitionKey': 'k', 'Data': b'three'},
        'PutRecords': {'StreamName': 'conf-main', 'Records': [{'PartitionKey': 'k', 'Data': b'four'}]},
        'PutResourcePolicy': {'ResourceARN': arn('conf-main'), 'Policy': policy},
        'RegisterStreamConsumer': {'StreamARN': arn('conf-main'), 'ConsumerName': 'conf-registered'},
        'RemoveTagsFromStream': {'StreamName': 'conf-main', 'TagKeys': ['course']},
        'SplitShard': {'StreamName': 'conf-split', 'ShardToSplit': 'shardId-000000000000', 'NewStartingHashKey': '170141183460469231731687303715884105728'},
        'StartStreamEncryption': {'StreamName': 'conf-encrypt', 'EncryptionType': 'KMS', 'KeyId': 'alias/aws/kinesis'},
        'StopStreamEncryption': {'StreamName': 'conf-decrypt', 'EncryptionType': 'KMS', 'KeyId': 'alias/aws/kinesis'},
        'SubscribeToShard': {'ConsumerARN': consumer, 'ShardId': 'shardId-000000000000', 'StartingPosition': {'Type': 'TRIM_HORIZON'}},
        'TagResource': {'ResourceARN': arn('conf-main'), 'Tags': {'team': 'lab'}},
        'UntagResource': {'ResourceARN': arn('conf-main'), 'TagKeys': ['team']},
        'UpdateAccountSettings': {'MinimumThroughputBillingCommitment': {'Status': 'ENABLED'}},
        'UpdateMaxRecordSize': {'StreamARN': arn('conf-size'), 'MaxRecordSizeInKiB': 2048},
        'UpdateShardCount': {'StreamName': 'conf-reshard', 'TargetShardCount': 2, 'ScalingType': 'UNIFORM_SCALING'},
        'UpdateStreamMode': {'StreamARN': arn('conf-mode'), 'StreamModeDetails': {'StreamMode': 'ON_DEMAND'}},
        'UpdateStreamWarmThroughput': {'StreamName': 'conf-warm', 'WarmThroughputMiBps': 8},
    }
    model = SESSION.get_service_model('kinesis')
    missing = set(model.operation_names) - set(valid)
    if missing:
        raise SystemExit(f'no valid call written for {sorted(missing)}')
    for operation in model.operation_names:
        check('kinesis', k, operation, valid[operation])


# --- CloudWatch ---------------------------------------------------------------------------------

def cloudwatch():
    cw = client('cloudwatch')
    start, end = NOW - datetime.timedelta(hours=1), NOW
    dimension = [{'Name': 'StreamName', 'Value': 'conf-main'}]
    valid = {
        'GetMetricData': {'StartTime': start, 'EndTime': end, 'MetricDataQueries': [
            {'Id': 'q', 'MetricStat': {'Metric': {'Namespace': 'AWS/Kinesis', 'MetricName': 'IncomingRecords', 'Dimensions': dimension}, 'Period': 60, 'Stat': 'Sum'}}]},
        'GetMetricStatistics': {'Namespace': 'AWS/Kinesis', 'MetricName': 'IncomingRecords', 'Dimensions': dimension,
                                'StartTime': start, 'EndTime': end, 'Period': 60, 'Statistics': ['Sum']},
        'ListMetrics': {'Namespace': 'AWS/Kinesis'},
    }
    model = SESSION.get_service_model('cloudwatch')
    for operation in model.operation_names:
        if operation in CLOUDWATCH_SERVED:
            check('cloudwatch', cw, operation, valid[operation])
        else:
            # Not served: the documented InvalidAction answer naming it (its input is not looked at).
            call('cloudwatch', cw, operation, {}, 'not served', {'status': 400, 'codes': ['InvalidAction']})


# --- Pipes --------------------------------------------------------------------------------------

def pipes():
    p = client('pipes')
    k = client('kinesis')
    iam = client('iam')
    k.create_stream(StreamName='conf-target', ShardCount=1)
    wait_active(k, 'conf-target')
    trust = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'pipes.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]})
    role = iam.create_role(RoleName='conf-pipe-role', AssumeRolePolicyDocument=trust)['Role']['Arn']
    source = f'arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/conf-main'
    target = f'arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/conf-target'
    pipe = lambda name, state='RUNNING': {
        'Name': name, 'Source': source, 'Target': target, 'RoleArn': role, 'DesiredState': state,
        'SourceParameters': {'KinesisStreamParameters': {'StartingPosition': 'TRIM_HORIZON', 'BatchSize': 10}},
        'TargetParameters': {'KinesisStreamParameters': {'PartitionKey': '$.partitionKey'}},
    }
    for name, state in [('conf-pipe', 'RUNNING'), ('conf-stopped', 'STOPPED'), ('conf-running', 'RUNNING'), ('conf-gone', 'RUNNING')]:
        p.create_pipe(**pipe(name, state))
    for name, state in [('conf-pipe', 'RUNNING'), ('conf-stopped', 'STOPPED'), ('conf-running', 'RUNNING'), ('conf-gone', 'RUNNING')]:
        for _ in range(300):
            if p.describe_pipe(Name=name)['CurrentState'] == state:
                break
            time.sleep(0.02)
    pipe_arn = p.describe_pipe(Name='conf-pipe')['Arn']
    valid = {
        'CreatePipe': pipe('conf-created'),
        'DeletePipe': {'Name': 'conf-gone'},
        'DescribePipe': {'Name': 'conf-pipe'},
        'ListPipes': {'NamePrefix': 'conf', 'Limit': 10},
        'ListTagsForResource': {'resourceArn': pipe_arn},
        'StartPipe': {'Name': 'conf-stopped'},
        'StopPipe': {'Name': 'conf-running'},
        'TagResource': {'resourceArn': pipe_arn, 'tags': {'course': 'kinesis'}},
        'UntagResource': {'resourceArn': pipe_arn, 'tagKeys': ['course']},
        'UpdatePipe': {'Name': 'conf-pipe', 'RoleArn': role, 'Description': 'updated'},
    }
    def settle(name):
        for _ in range(300):
            try:
                if p.describe_pipe(Name=name)['CurrentState'] in ('RUNNING', 'STOPPED'):
                    return
            except ClientError:
                return
            time.sleep(0.02)

    def undo(operation, params):
        if operation == 'CreatePipe':
            settle(params['Name'])
            p.delete_pipe(Name=params['Name'])
            for _ in range(300):
                try:
                    p.describe_pipe(Name=params['Name'])
                except ClientError:
                    return
                time.sleep(0.02)
        elif operation == 'UpdatePipe':
            settle(params['Name'])

    for operation in SESSION.get_service_model('pipes').operation_names:
        check('pipes', p, operation, valid[operation], undo)


kinesis()
cloudwatch()
pipes()
