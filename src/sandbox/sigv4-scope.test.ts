import { describe, expect, it } from 'vitest';
import { isValidRegion, readCredentialScope } from './sigv4-scope.js';

describe('readCredentialScope', () => {
  it.each([
    {
      given: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=ab' },
      url: '/',
      expected: { region: 'us-east-1', service: 'kinesis', signed: true },
    },
    {
      given: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261122/ap-northeast-2/monitoring/aws4_request,SignedHeaders=host,Signature=ab' },
      url: '/',
      expected: { region: 'ap-northeast-2', service: 'monitoring', signed: true },
    },
    {
      given: {},
      url: `/?X-Amz-Credential=${encodeURIComponent('AKID/20261122/eu-central-1/pipes/aws4_request')}&X-Amz-Signature=ab`,
      expected: { region: 'eu-central-1', service: 'pipes', signed: true },
    },
    { given: { 'x-amz-target': 'Kinesis_20131202.PutRecord' }, url: '/', expected: { region: 'us-east-1', service: 'kinesis', signed: false } },
    { given: { 'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData' }, url: '/', expected: { region: 'us-east-1', service: 'monitoring', signed: false } },
    { given: {}, url: '/v1/pipes', expected: { region: 'us-east-1', service: '', signed: false } },
    { given: { authorization: 'Bearer token' }, url: '/', expected: { region: 'us-east-1', service: '', signed: false } },
  ])('$expected.region/$expected.service from $given $url', ({ given, url, expected }) => {
    expect(readCredentialScope(given, url)).toEqual(expected);
  });
});

describe('isValidRegion', () => {
  it.each([
    ['us-east-1', true],
    ['ap-northeast-2', true],
    ['us-gov-west-1', true],
    ['local', false],
    ['../etc', false],
    ['US-EAST-1', false],
    ['', false],
  ])('%s → %s', (region, expected) => {
    expect(isValidRegion(region)).toBe(expected);
  });
});
