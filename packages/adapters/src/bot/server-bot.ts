import type { BotProvider, BotReply } from '@helpdock/core';
import { lazyHandoff } from './lazy-handoff.ts';
import { planIntake } from './intake.ts';
import type { Article, BotAnswer, Classification } from '@helpdock/kb';
import { HTTP, LIMITS, type BotQuestion, type ContextSnapshot, type HandoffPlanQuestion, type Priority } from '@helpdock/protocol';
import { refusalOf, RefusedError, reportSetupProblem } from '../refusal.ts';

export interface ServerBotOptions {
  serverUrl: string;
  appId: string;
  /** The KB locale; defaults to the context's. */
  locale?: () => string | undefined;
  /** Categories the bot never answers: a question about one goes straight to a person. @default [] */
  alwaysHuman?: readonly string[];
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

const isArticle = (a: unknown): a is Article => {
  const x = a as Partial<Article> | null;
  return !!x && typeof x.id === 'string' && typeof x.title === 'string' && typeof x.body === 'string' && Array.isArray(x.tags);
};

/** The server's answer, checked for the shape the widget renders (as text, whatever it holds). */
function readAnswer(body: unknown): BotReply {
  const b = body as Partial<Record<string, unknown>> | null;
  const ok =
    (b?.['kind'] === 'answer' && typeof b['text'] === 'string' && isArticle(b['article'])) ||
    (b?.['kind'] === 'suggestions' && Array.isArray(b['articles']) && b['articles'].every(isArticle)) ||
    b?.['kind'] === 'unknown' ||
    b?.['kind'] === 'handoff';
  if (!ok) throw new Error('[helpdock] bot: the server sent an answer of no known shape');
  return body as BotAnswer;
}

const PRIORITIES: readonly unknown[] = ['P0', 'P1', 'P2', 'P3'] satisfies Priority[];

/** The server's classification, checked for its shape. */
function readClassification(body: unknown): Classification {
  const b = body as Partial<Record<string, unknown>> | null;
  const tags = b?.['tags'];
  if ((typeof b?.['category'] !== 'string' && b?.['category'] !== null) || !Array.isArray(tags) || !tags.every((t) => typeof t === 'string') || !PRIORITIES.includes(b['priority'])) {
    throw new Error('[helpdock] bot: the server sent a plan of no known shape');
  }
  return body as Classification;
}

/**
 * The FAQ bot on the widget's own server (`POST …/bot`): the server searches the
 * app's KB and decides, so the page ships neither the articles nor the index.
 * Before a ticket the server classifies it too (`POST …/bot/plan`); the intake
 * questions are planned in the page, from the context it has not shared yet. When
 * the server cannot be reached, the page classifies on its own (a chunk loaded then).
 */
export function serverBotProvider(options: ServerBotOptions): BotProvider {
  const base = options.serverUrl.replace(/\/$/, '');
  const url = `${base}${HTTP.bot(options.appId)}`;
  const planUrl = `${base}${HTTP.botPlan(options.appId)}`;
  const { load: loadHandoff, planHandoff: planHere } = lazyHandoff();
  const alwaysHuman = options.alwaysHuman?.length ? options.alwaysHuman : null;

  async function post(to: string, body: BotQuestion | HandoffPlanQuestion): Promise<unknown> {
    // A text/plain body: a simple request, no preflight round trip before each question.
    const res = await (options.fetch ?? globalThis.fetch)(to, { method: 'POST', credentials: 'omit', body: JSON.stringify(body) });
    if (!res.ok) {
      const refusal = await refusalOf(res);
      if (!refusal) throw new Error(`[helpdock] bot: HTTP ${res.status}`);
      reportSetupProblem(refusal);
      throw new RefusedError(refusal);
    }
    return res.json();
  }
  const ask = async (question: BotQuestion): Promise<BotReply> => readAnswer(await post(url, question));

  return {
    async prepare() {
      if (alwaysHuman) void loadHandoff().catch(() => undefined);
    },
    async reply(text, context: ContextSnapshot, _history, pick) {
      const { url: pageUrl, product, page, errorCodes } = context;
      const question: BotQuestion = {
        text,
        locale: options.locale?.() ?? context.locale ?? 'en',
        context: { url: pageUrl, ...(product ? { product } : {}), ...(page ? { page } : {}), ...(errorCodes?.length ? { errorCodes } : {}) },
        ...(pick?.articleId ? { articleId: pick.articleId } : {}),
      };
      // A question in a category that always needs a person goes to one, even when the server cannot be reached.
      const category = alwaysHuman && !pick?.articleId ? loadHandoff().then((m) => m.categoryOfText(text)) : null;
      const toHuman = async (): Promise<BotReply | null> => {
        const c = await category;
        return c && alwaysHuman?.includes(c) ? { kind: 'handoff', reason: 'category', category: c } : null;
      };
      const answer = await ask(question).catch(async (err: unknown) => (await toHuman()) ?? Promise.reject(err));
      return answer.kind === 'handoff' ? answer : ((await toHuman()) ?? answer);
    },
    async planHandoff(conversation, context) {
      const { product, errorCodes, plan } = context;
      const question: HandoffPlanQuestion = {
        texts: conversation.texts.slice(-LIMITS.planTexts),
        articleIds: [...new Set(conversation.articles.map((a) => a.id))].slice(0, LIMITS.planArticles),
        locale: options.locale?.() ?? context.locale ?? 'en',
        context: { ...(product ? { product } : {}), ...(errorCodes?.length ? { errorCodes } : {}), ...(plan ? { plan } : {}) },
      };
      try {
        const { category, tags, priority } = readClassification(await post(planUrl, question));
        return { category, tags, priority, ...planIntake(category, context) };
      } catch {
        // Unreachable or refused: the ticket is still classified, here, and the handoff goes on.
        return planHere(conversation, context);
      }
    },
  };
}
