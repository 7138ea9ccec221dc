import { describe, expect, it } from 'vitest';
import { decodeQueryForm, queryErrorResponse, queryList, queryResponse, queryString, readQueryRequest, xmlElements, xmlEscape } from './query-codec.js';

const NS = 'https://example.amazonaws.com/doc/2020-01-01/';
const ID = '11111111-2222-3333-4444-555555555555';

describe('decodeQueryForm', () => {
  it('splits out Action and Version and nests member lists, in index order, holes dropped', () => {
    const decoded = decodeQueryForm('Action=Put&Version=2010-08-01&Name=a%20b&L.member.3=z&L.member.1=x&D.member.1.Name=n&D.member.1.Value=v');
    expect(decoded).toEqual({ action: 'Put', version: '2010-08-01', params: { Name: 'a b', L: ['x', 'z'], D: [{ Name: 'n', Value: 'v' }] } });
  });

  it('turns entry.N key/value pairs into a map', () => {
    const { params } = decodeQueryForm('Attributes.entry.1.key=color&Attributes.entry.1.value=red&Attributes.entry.2.key=size&Attributes.entry.2.value=9');
    expect(params).toEqual({ Attributes: { color: 'red', size: '9' } });
  });

  it('nests structures inside list members inside structures', () => {
    const { params } = decodeQueryForm('Q.member.1.Stat.Metric.Dimensions.member.2.Name=b&Q.member.1.Stat.Metric.Dimensions.member.1.Name=a&Q.member.1.Id=m1');
    expect(params).toEqual({ Q: [{ Stat: { Metric: { Dimensions: [{ Name: 'a' }, { Name: 'b' }] } }, Id: 'm1' }] });
  });

  it('ignores keys that would reach Object.prototype and absurd list indexes', () => {
    const { params } = decodeQueryForm('__proto__.polluted=yes&A.constructor=x&M.entry.1.key=__proto__&M.entry.1.value=p&L.member.0=x&L.member.99999=y&Ok=1');
    expect(params).toEqual({ M: {}, Ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets the last of two equal keys win', () => {
    expect(decodeQueryForm('A=1&A=2').params).toEqual({ A: '2' });
  });
});

describe('readQueryRequest', () => {
  it('reads the URL of a GET and the body of a POST, a body value winning over the URL', () => {
    expect(readQueryRequest({ url: '/?Action=List&X=url', body: Buffer.alloc(0) })).toEqual({ action: 'List', version: undefined, params: { X: 'url' } });
    expect(readQueryRequest({ url: '/?X=url&Y=url', body: Buffer.from('Action=List&X=body') })).toEqual({ action: 'List', version: undefined, params: { X: 'body', Y: 'url' } });
  });
});

describe('queryString and queryList', () => {
  const { params } = decodeQueryForm('S=text&L.member.1=a&N.A=b');
  it('give strings and lists only when the parameter is one', () => {
    expect([queryString(params, 'S'), queryString(params, 'L'), queryString(params, 'N'), queryString(params, 'missing')]).toEqual(['text', undefined, undefined, undefined]);
    expect([queryList(params, 'L'), queryList(params, 'S'), queryList(params, 'missing')]).toEqual([['a'], [], []]);
  });
});

describe('XML', () => {
  it('escapes the five special characters once', () => {
    expect(xmlEscape(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(xmlEscape('&amp;')).toBe('&amp;amp;');
  });

  it('writes scalars as text, lists as member elements, objects in property order without undefined ones, dates without milliseconds', () => {
    expect(xmlElements({ Name: 'a<b', Count: 3, Done: false, Skip: undefined, At: new Date(Date.UTC(2026, 10, 22, 3, 54, 0, 123)), Items: [{ Key: 'k' }, { Key: 'l' }], Empty: [] })).toBe(
      '<Name>a&lt;b</Name><Count>3</Count><Done>false</Done><At>2026-11-22T03:54:00Z</At><Items><member><Key>k</Key></member><member><Key>l</Key></member></Items><Empty></Empty>',
    );
  });

  it('wraps a result in the action envelope, and leaves the Result out for an action that answers nothing', () => {
    expect(queryResponse(NS, 'GetThing', { Name: 'x' }, ID)).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': ID },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<GetThingResponse xmlns="${NS}"><GetThingResult><Name>x</Name></GetThingResult><ResponseMetadata><RequestId>${ID}</RequestId></ResponseMetadata></GetThingResponse>\n`,
    });
    expect(queryResponse(NS, 'DeleteThing', undefined, ID).body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<DeleteThingResponse xmlns="${NS}"><ResponseMetadata><RequestId>${ID}</RequestId></ResponseMetadata></DeleteThingResponse>\n`,
    );
  });

  it('writes the ErrorResponse envelope with the status, escaping code and message', () => {
    expect(queryErrorResponse(NS, { status: 409, type: 'Sender', code: 'EntityAlreadyExists', message: 'Role <r> & co exists.' }, ID)).toEqual({
      status: 409,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': ID },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>EntityAlreadyExists</Code><Message>Role &lt;r&gt; &amp; co exists.</Message></Error><RequestId>${ID}</RequestId></ErrorResponse>\n`,
    });
  });
});
