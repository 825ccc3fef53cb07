import type { HandoffRequest, IntakeAnswer } from '@helpdock/protocol';
import { say } from './bot-say.ts';
import type { CoreContext } from './context.ts';
import type { ConversationSummary, HandoffPlan } from './ports.ts';
import type { ChatMessage } from './state.ts';

/** What a ticket carries from the bot, beside transcript and context. */
export type HandoffDetails = Pick<HandoffRequest, 'category' | 'tags' | 'priority' | 'intake' | 'actions'>;

export function summarize(messages: readonly ChatMessage[]): ConversationSummary {
  const local = messages.filter((m) => m.seq === undefined);
  return {
    texts: local.filter((m) => m.author === 'visitor').map((m) => m.text),
    articles: local.flatMap((m) => (m.article ? [m.article] : (m.suggestions ?? []))),
  };
}

function detailsOf(plan: HandoffPlan | null, answers: readonly IntakeAnswer[], ctx: CoreContext): HandoffDetails {
  const details: HandoffDetails = {};
  if (plan?.category) details.category = plan.category;
  if (plan?.tags.length) details.tags = plan.tags.slice(0, 10);
  if (plan?.priority) details.priority = plan.priority;
  const intake = (plan?.known ?? []).concat(answers).slice(0, 10);
  if (intake.length) details.intake = intake;
  const actions = ctx.store.getState().actionOutcomes;
  if (actions.length) details.actions = actions.slice(-20);
  return details;
}

/**
 * The way to a ticket: classify the conversation, then ask only what is
 * missing, one question at a time (every question skippable, free text
 * always accepted), then hand off with everything gathered. Each start
 * carries an attempt number: a plan that arrives after a newer start, a
 * reset or a handoff is dropped.
 */
export function createIntake(ctx: CoreContext, handoff: (details: HandoffDetails) => void) {
  const { store, isDestroyed } = ctx;
  const { getState, setState } = store;
  let attempt = 0;
  // Gathered and waiting for the visitor to confirm what will be shared.
  let ready: HandoffDetails | null = null;

  // Nothing leaves the page unseen: show what will be shared, and hand off when the visitor confirms (requestHuman).
  function review(details: HandoffDetails): void {
    ready = details;
    setState({ intake: null, phase: 'bot', reviewingHandoff: true, article: null });
  }

  async function plan(): Promise<HandoffPlan | null> {
    const planner = ctx.ports.bot.planHandoff;
    if (!planner) return null;
    try {
      const p = await planner.call(ctx.ports.bot, summarize(getState().messages), getState().context);
      return p && Array.isArray(p.questions) && Array.isArray(p.known) && Array.isArray(p.tags) ? p : null;
    } catch {
      // Classification is a help for agents, never a reason not to reach one.
      return null;
    }
  }

  /** `ask`: go through the questions; otherwise hand off at once with what is known. */
  async function start(ask: boolean): Promise<void> {
    const mine = ++attempt;
    // Nothing asked yet means the bot's code may not even be loaded: don't load it just to classify nothing.
    const asked = summarize(getState().messages).texts.length > 0;
    const p = asked ? await plan() : null;
    if (mine !== attempt || isDestroyed() || getState().ticket) return;
    if (!ask) {
      handoff(detailsOf(p, [], ctx));
      return;
    }
    if (!p || p.questions.length === 0) {
      review(detailsOf(p, [], ctx));
      return;
    }
    setState({ phase: 'intake', intake: { plan: p, index: 0, answers: [] } });
    say(ctx, { key: 'intake.intro' });
  }

  function advance(answer: IntakeAnswer | null): void {
    const intake = getState().intake;
    if (!intake) return;
    const answers = answer ? intake.answers.concat(answer) : intake.answers;
    const index = intake.index + 1;
    if (index < intake.plan.questions.length) {
      setState({ intake: { ...intake, index, answers } });
      return;
    }
    attempt++;
    review(detailsOf(intake.plan, answers, ctx));
  }

  return {
    start,
    /** The visitor picked a choice (`choice`) or typed an answer (`text`). */
    answer(value: string, source: 'choice' | 'text'): void {
      const intake = getState().intake;
      const question = intake?.plan.questions[intake.index];
      const trimmed = value.trim().slice(0, 500);
      if (!question || !trimmed) return;
      advance({ field: question.field, value: trimmed, source });
    },
    skip: () => advance(null),
    /**
     * The visitor confirmed the handoff: go with what was gathered, or, in the
     * middle of the questions, with what is answered so far. False when the bot
     * gathered nothing yet (the caller classifies and goes at once).
     */
    finishNow(): boolean {
      const intake = getState().intake;
      const details = intake ? detailsOf(intake.plan, intake.answers, ctx) : ready;
      if (!details) return false;
      attempt++;
      ready = null;
      if (intake) setState({ intake: null, phase: 'bot' });
      handoff(details);
      return true;
    },
    cancel(): void {
      attempt++;
      ready = null;
      if (getState().intake) setState({ intake: null });
    },
  };
}
