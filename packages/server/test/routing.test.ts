import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  availability,
  endOfNextBusinessDay,
  isWithinHours,
  newBreaches,
  nextOpening,
  pickAgent,
  planAssignments,
  raisePriority,
  readSettings,
  slaDeadlines,
  type BusinessHours,
  type RoutingAgent,
  type RoutingTicket,
} from '../src/routing/index.ts';

// A fake clock: every instant is written out, nothing reads Date.now().
const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

const BERLIN_OFFICE: BusinessHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' };

const agent = (over: Partial<RoutingAgent> & { id: string }): RoutingAgent => ({
  status: 'online',
  tier: 'L1',
  team: null,
  languages: [],
  categories: [],
  capacity: 3,
  load: 0,
  ...over,
});
const ticket = (over: Partial<RoutingTicket> = {}): RoutingTicket => ({
  id: 't1',
  priority: 'P2',
  category: null,
  language: null,
  tier: 'L1',
  team: null,
  createdAt: 0,
  ...over,
});

describe('routing a new ticket', () => {
  it('goes to the agent who speaks the language and knows the category', () => {
    const agents = [agent({ id: 'ana', languages: ['en'], categories: ['billing'] }), agent({ id: 'li', languages: ['zh', 'en'], categories: ['compute'] })];
    expect(pickAgent(ticket({ language: 'zh', category: 'compute' }), agents)?.id).toBe('li');
    expect(pickAgent(ticket({ language: 'en', category: 'billing' }), agents)?.id).toBe('ana');
  });

  it('prefers an agent who lists the category over a generalist, even a less busy one', () => {
    const agents = [agent({ id: 'generalist' }), agent({ id: 'billing', categories: ['billing'], load: 2 })];
    expect(pickAgent(ticket({ category: 'billing' }), agents)?.id).toBe('billing');
    expect(pickAgent(ticket({ category: 'billing' }), [agents[0]!, { ...agents[1]!, load: 3 }])?.id).toBe('generalist');
  });

  it('goes to the least busy of the matching agents, by share of capacity', () => {
    const agents = [agent({ id: 'busy', load: 2, capacity: 3 }), agent({ id: 'roomy', load: 2, capacity: 8 })];
    expect(pickAgent(ticket(), agents)?.id).toBe('roomy');
  });

  it('skips agents who are away, offline or full, and then waits in the queue', () => {
    const agents = [agent({ id: 'away', status: 'away' }), agent({ id: 'off', status: 'offline' }), agent({ id: 'full', load: 3, capacity: 3 })];
    expect(pickAgent(ticket(), agents)).toBeNull();
  });

  it('needs the ticket’s tier or higher, and prefers the lowest tier that qualifies', () => {
    const agents = [agent({ id: 'l1' }), agent({ id: 'l3', tier: 'L3' }), agent({ id: 'l2', tier: 'L2' })];
    expect(pickAgent(ticket({ tier: 'L2' }), agents)?.id).toBe('l2');
    expect(pickAgent(ticket({ tier: 'L1' }), agents)?.id).toBe('l1');
    expect(pickAgent(ticket({ tier: 'L3' }), [agent({ id: 'l1' })])).toBeNull();
  });

  it('stays within the team a ticket was transferred to', () => {
    const agents = [agent({ id: 'ana', team: 'Support' }), agent({ id: 'bo', team: 'Billing', load: 2 })];
    expect(pickAgent(ticket({ team: 'billing' }), agents)?.id).toBe('bo');
  });

  it('gives a reopened ticket back to its previous agent when that agent can take it', () => {
    const agents = [agent({ id: 'free' }), agent({ id: 'prev', load: 2 })];
    expect(pickAgent(ticket({ previousAssigneeId: 'prev' }), agents)?.id).toBe('prev');
    expect(pickAgent(ticket({ previousAssigneeId: 'prev' }), [agent({ id: 'free' }), agent({ id: 'prev', status: 'away' })])?.id).toBe('free');
  });

  it('drains the queue most urgent first and never past an agent’s capacity', () => {
    const waiting = [ticket({ id: 'old-p3', priority: 'P3', createdAt: 1 }), ticket({ id: 'p0', priority: 'P0', createdAt: 5 }), ticket({ id: 'p2', createdAt: 2 })];
    const plan = planAssignments(waiting, [agent({ id: 'ana', capacity: 2 })]);
    expect(plan).toEqual([
      { ticketId: 'p0', agentId: 'ana' },
      { ticketId: 'p2', agentId: 'ana' },
    ]);
  });
});

describe('business hours', () => {
  it('knows when the office is open, in its own time zone', () => {
    // 08:30 UTC on Monday 3 March 2025 is 09:30 in Berlin (CET).
    expect(isWithinHours(at('2025-03-03T08:30:00Z'), BERLIN_OFFICE)).toBe(true);
    expect(isWithinHours(at('2025-03-03T07:30:00Z'), BERLIN_OFFICE)).toBe(false);
    expect(isWithinHours(at('2025-03-08T10:00:00Z'), BERLIN_OFFICE)).toBe(false); // Saturday
    expect(isWithinHours(at('2025-03-08T10:00:00Z'), null)).toBe(true);
  });

  it('says when the office opens next: Friday evening → Monday 09:00', () => {
    expect(new Date(nextOpening(at('2025-03-07T18:00:00Z'), BERLIN_OFFICE)).toISOString()).toBe('2025-03-10T08:00:00.000Z');
  });

  it('only runs the clock during working hours, across a weekend', () => {
    // Friday 16:30 Berlin + 60 business minutes = 30 min on Friday + 30 min on Monday → Monday 09:30.
    expect(new Date(addBusinessMinutes(at('2025-03-07T15:30:00Z'), 60, BERLIN_OFFICE)).toISOString()).toBe('2025-03-10T08:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    // Berlin moves to CEST on 30 March 2025: Monday 31 March opens at 07:00 UTC.
    expect(new Date(nextOpening(at('2025-03-30T12:00:00Z'), BERLIN_OFFICE)).toISOString()).toBe('2025-03-31T07:00:00.000Z');
  });

  it('makes "next business day" the close of the next working day', () => {
    expect(new Date(endOfNextBusinessDay(at('2025-03-07T10:00:00Z'), BERLIN_OFFICE)).toISOString()).toBe('2025-03-10T16:00:00.000Z');
  });
});

describe('SLA clocks', () => {
  const allDay = readSettings({});

  it('gives first-response deadlines of 15 min, 1 h, 4 h and next business day by priority', () => {
    const start = at('2025-03-04T10:00:00Z');
    expect((slaDeadlines(start, 'P0', allDay).firstResponseDue - start) / MIN).toBe(15);
    expect((slaDeadlines(start, 'P1', allDay).firstResponseDue - start) / MIN).toBe(60);
    expect((slaDeadlines(start, 'P2', allDay).firstResponseDue - start) / MIN).toBe(240);
    const office = readSettings({ businessHours: BERLIN_OFFICE });
    expect(new Date(slaDeadlines(start, 'P3', office).firstResponseDue).toISOString()).toBe('2025-03-05T16:00:00.000Z');
  });

  it('takes an app’s own policy, and ignores a malformed one', () => {
    const custom = readSettings({ sla: { P0: { firstResponse: { minutes: 5 } }, P1: { firstResponse: 'soon' } } });
    expect((slaDeadlines(0, 'P0', custom).firstResponseDue - 0) / MIN).toBe(5);
    expect((slaDeadlines(0, 'P1', custom).firstResponseDue - 0) / MIN).toBe(60);
    expect(readSettings({ businessHours: { timeZone: 'Mars/Olympus', days: [1], open: '09:00', close: '17:00' } }).businessHours).toBeNull();
  });

  it('flags a missed first response once, and never one that was met', () => {
    const state = { status: 'queued', firstResponseDue: 1000, firstResponseAt: null, resolutionDue: 5000, breachedFirst: false, breachedResolution: false };
    expect(newBreaches(state, 999)).toEqual({ firstResponse: false, resolution: false });
    expect(newBreaches(state, 1000)).toEqual({ firstResponse: true, resolution: false });
    expect(newBreaches({ ...state, breachedFirst: true }, 2000).firstResponse).toBe(false);
    expect(newBreaches({ ...state, firstResponseAt: 900 }, 2000).firstResponse).toBe(false);
    expect(newBreaches({ ...state, status: 'resolved' }, 9000)).toEqual({ firstResponse: false, resolution: false });
  });

  it('raises a breached ticket one priority step', () => {
    expect(['P3', 'P2', 'P1', 'P0'].map((p) => raisePriority(p as 'P0'))).toEqual(['P2', 'P1', 'P0', 'P0']);
  });

  it('tells the visitor honestly when to expect an answer outside hours', () => {
    const office = readSettings({ businessHours: BERLIN_OFFICE });
    const saturday = at('2025-03-08T10:00:00Z');
    const due = slaDeadlines(saturday, 'P2', office).firstResponseDue;
    expect(availability(saturday, false, due, office)).toEqual({
      withinHours: false,
      agentsOnline: false,
      nextOpenAt: '2025-03-10T08:00:00.000Z',
      expectedBy: '2025-03-10T12:00:00.000Z',
    });
  });
});
