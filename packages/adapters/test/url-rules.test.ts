import { describe, expect, it } from 'vitest';
import { compileRule, matchUrl, type UrlRule } from '../src/index.ts';

const rules: UrlRule[] = [
  { pattern: '/ecs/:region/instances/:instanceId', product: 'ecs', page: 'instance-detail' },
  { pattern: '/ecs/:region/instances', product: 'ecs', page: 'instance-list' },
  { pattern: '/oss/:region/buckets/:bucket/*', product: 'oss', page: 'bucket-detail', resources: { bucket: 'bucket' } },
  { pattern: '#/cdn/domains/:domain', product: 'cdn', page: 'domain-detail' },
];
const compiled = rules.map(compileRule);
const facts = (url: string) => matchUrl(compiled, new URL(url));

describe('URL rules', () => {
  it('names product, page, region and the resource from a detail URL', () => {
    expect(facts('https://console.example.com/ecs/cn-hangzhou/instances/i-bp1a2b3c?tab=monitoring')).toEqual({
      product: 'ecs',
      page: 'instance-detail',
      region: 'cn-hangzhou',
      resources: [{ type: 'instance', id: 'i-bp1a2b3c' }],
    });
  });

  it('takes the first matching rule and tolerates a trailing slash and doubled slashes', () => {
    expect(facts('https://c.example/ecs//eu-west-1/instances/')).toEqual({ product: 'ecs', page: 'instance-list', region: 'eu-west-1' });
  });

  it('matches everything below a final *, with renamed resource types', () => {
    expect(facts('https://c.example/oss/us-east-1/buckets/logs-2024/objects/a/b.txt')).toMatchObject({
      product: 'oss',
      resources: [{ type: 'bucket', id: 'logs-2024' }],
    });
  });

  it('matches hash routes when the pattern starts with #', () => {
    expect(facts('https://c.example/app#/cdn/domains/static.example.com?x=1')).toEqual({
      product: 'cdn',
      page: 'domain-detail',
      resources: [{ type: 'domain', id: 'static.example.com' }],
    });
  });

  it('decodes Unicode and percent-encoded segments, and survives malformed escapes', () => {
    expect(facts('https://c.example/ecs/cn-hangzhou/instances/%E5%AE%9E%E4%BE%8B-1').resources).toEqual([{ type: 'instance', id: '实例-1' }]);
    expect(facts('https://c.example/ecs/cn-hangzhou/instances/%E0%A4%A').resources).toEqual([{ type: 'instance', id: '%E0%A4%A' }]);
  });

  it('knows nothing about a URL no rule covers, and treats pattern text literally', () => {
    expect(facts('https://c.example/billing')).toEqual({});
    const dotted = compileRule({ pattern: '/a.b/:id' });
    expect(dotted.match('/aXb/1')).toBeNull();
    expect(dotted.match('/a.b/1')).toEqual({ id: '1' });
  });
});
