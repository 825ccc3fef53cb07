import { describe, expect, it } from 'vitest';
import { classify, categoryOfText, planIntake, priorityOf, urgencyOf } from '../src/index.ts';

const ctx = { url: 'https://console.example.com/ecs/instances/i-1', locale: 'en' };

describe('the ticket category', () => {
  it('comes from the words, in several languages', () => {
    expect(categoryOfText('I was charged twice on my invoice')).toBe('billing');
    expect(categoryOfText('我的账单为什么扣费了')).toBe('billing');
    expect(categoryOfText('My access key was leaked on GitHub')).toBe('security');
    expect(categoryOfText('バケットにアップロードできません')).toBe('storage');
    expect(categoryOfText('My instance will not reboot')).toBe('compute');
    expect(categoryOfText('보안 그룹 포트를 열고 싶어요')).toBe('network');
    expect(categoryOfText('hello there')).toBeNull();
  });

  it('falls back to the answered articles, then the page', () => {
    const article = { id: 'cdn-purge-cache', locale: 'en', title: 'Purge', tags: [], products: ['cdn'], body: '.' };
    expect(classify({ texts: ['it still shows the old version'], articles: [article], context: ctx }).category).toBe('network');
    expect(classify({ texts: ['it is broken'], articles: [], context: { ...ctx, product: 'oss' } as typeof ctx }).category).toBe('storage');
  });

  it('tags the ticket with products, page error codes and the articles shown', () => {
    const article = { id: 'ecs-restart-instance', locale: 'en', title: 'Restart', tags: [], products: ['ecs'], body: '.' };
    const { tags } = classify({ texts: ['production is down'], articles: [article], context: { ...ctx, product: 'ecs', errorCodes: ['IncorrectInstanceStatus'] } as typeof ctx });
    expect(tags).toEqual(['ecs', 'IncorrectInstanceStatus', 'ecs-restart-instance', 'urgent']);
  });
});

describe('the ticket priority', () => {
  it('ranks an outage above a how-to, in several languages', () => {
    for (const s of [
      'Production is down!',
      'We have an outage in cn-hangzhou',
      'All users are getting 502 errors',
      '生产环境宕机了',
      '本番環境が停止しています',
      '서비스 장애가 발생했습니다',
      'Notre site est en panne',
      'Die Produktion ist ausgefallen, dringend',
      'La web está caída para todos los usuarios',
      'O site está fora do ar',
      'Сайт не работает у всех',
    ]) expect(urgencyOf(s), s).toBe('urgent');
    for (const s of ['How do I restart my instance?', '如何创建快照', 'どうやってバケットを作りますか', '어떻게 비밀번호를 바꾸나요', 'Comment faire une sauvegarde ?']) expect(urgencyOf(s), s).toBe('howto');
  });

  it('sets P1 for an outage, P3 for a how-to, P2 otherwise, moved by the plan', () => {
    expect(priorityOf(['Production is down'], undefined)).toBe('P1');
    expect(priorityOf(['Production is down'], 'enterprise')).toBe('P0');
    expect(priorityOf(['How do I restart my instance?'], undefined)).toBe('P3');
    expect(priorityOf(['My instance is slow'], undefined)).toBe('P2');
    expect(priorityOf(['My instance is slow'], 'Premium support')).toBe('P1');
    expect(priorityOf(['My instance is slow'], 'free')).toBe('P3');
    expect(priorityOf(['How do I restart?', 'it says all users are failing now'], undefined)).toBe('P1');
  });
});

describe('the intake questions', () => {
  it('asks only what the page does not say, offering what it shows as choices', () => {
    const context = {
      ...ctx,
      region: 'cn-hangzhou',
      resources: [{ type: 'instance', id: 'i-1' }, { type: 'disk', id: 'd-9' }],
      errorCodes: ['QuotaExceeded'],
    } as typeof ctx;
    const { questions, known } = planIntake('compute', context);
    expect(known).toEqual([
      { field: 'region', value: 'cn-hangzhou', source: 'context' },
      { field: 'errorCode', value: 'QuotaExceeded', source: 'context' },
    ]);
    expect(questions.map((q) => [q.field, q.choices.map((c) => c.value)])).toEqual([
      ['resource', ['instance i-1', 'disk d-9']],
      ['started', ['just_now', 'last_hour', 'today', 'earlier']],
    ]);
  });

  it('asks everything the category needs when the page says nothing, and nothing without a category', () => {
    expect(planIntake('storage', ctx).questions.map((q) => q.field)).toEqual(['resource', 'region', 'errorCode', 'started']);
    expect(planIntake('billing', ctx).questions.map((q) => q.field)).toEqual(['started']);
    expect(planIntake(null, ctx).questions).toEqual([]);
  });
});
