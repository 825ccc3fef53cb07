import { describe, expect, it } from 'vitest';
import { articleForErrorCode, rankForContext, type Article } from '../src/index.ts';

const art = (id: string, extra: Partial<Article> = {}): Article => ({ id, locale: 'en', title: id, tags: [], products: [], body: 'x', ...extra });
const kb = [
  art('billing', { products: ['billing'] }),
  art('ecs-general', { products: ['ecs'] }),
  art('ecs-detail', { products: ['ecs'], pages: ['/ecs/instances/*'] }),
  art('quota', { products: ['account'], errorCodes: ['QuotaExceeded'] }),
  art('oss-403', { products: ['oss'], tags: ['403', 'access denied'], errorCodes: ['AccessDenied'] }),
  art('not-found', { products: ['ecs'], errorCodes: ['InvalidInstanceId.NotFound'] }),
];
const detail = { url: 'https://c.example/ecs/cn-hangzhou/instances/i-1', product: 'ecs', region: 'cn-hangzhou' };
const ids = (hits: ReturnType<typeof rankForContext>) => hits.map((h) => `${h.article.id}:${h.match}`);

describe('articles for the context', () => {
  it('ranks error code > page > product > popular', () => {
    const hits = rankForContext(kb, { ...detail, errorCodes: ['QuotaExceeded'] }, { popular: ['billing'] });
    expect(ids(hits)).toEqual(['quota:errorCode', 'ecs-detail:page', 'ecs-general:product', 'not-found:product', 'billing:popular']);
    expect(hits[0]?.code).toBe('QuotaExceeded');
  });

  it('puts the newest error code first and knows HTTP statuses by their number', () => {
    const hits = rankForContext(kb, { url: 'https://c.example/', errorCodes: ['QuotaExceeded', 'HTTP 403'] });
    expect(ids(hits).slice(0, 2)).toEqual(['oss-403:errorCode', 'quota:errorCode']);
  });

  it('ignores the region segment when matching article pages', () => {
    expect(ids(rankForContext(kb, { url: 'https://c.example/ecs/eu-1/instances/i-9', region: 'eu-1' }))).toEqual(['ecs-detail:page']);
    expect(rankForContext(kb, { url: 'https://c.example/ecs/instances' }).filter((h) => h.match !== 'popular')).toEqual([]);
  });

  it('offers the popular articles when nothing about the page is known', () => {
    expect(ids(rankForContext(kb, { url: 'about:blank' }, { popular: ['oss-403', 'billing'], limit: 1 }))).toEqual(['oss-403:popular']);
  });

  it('never leaves the home view empty: a fresh KB nobody has rated offers its first articles', () => {
    expect(ids(rankForContext(kb, { url: 'https://c.example/settings' }, { limit: 2 }))).toEqual(['billing:popular', 'ecs-general:popular']);
    // Once anything is known about the page, only what fits is offered.
    expect(ids(rankForContext(kb, { url: 'https://c.example/', product: 'billing' }))).toEqual(['billing:product']);
  });

  it('finds the article for one error code', () => {
    expect(articleForErrorCode(kb, 'invalidinstanceid.notfound')?.id).toBe('not-found');
    expect(articleForErrorCode(kb, 'HTTP 403')?.id).toBe('oss-403');
    expect(articleForErrorCode(kb, 'Nope')).toBeUndefined();
  });
});
