import type { IntakeQuestion } from '@helpdock/core';
import type { ContextSnapshot, IntakeAnswer, IntakeField } from '@helpdock/protocol';

/** What the agent needs for each category. Categories not listed ask only when it started. */
export const INTAKE_BY_CATEGORY: Readonly<Record<string, readonly IntakeField[]>> = {
  compute: ['resource', 'region', 'errorCode', 'started'],
  storage: ['resource', 'region', 'errorCode', 'started'],
  network: ['resource', 'region', 'errorCode', 'started'],
  security: ['resource', 'started'],
  monitoring: ['resource', 'region', 'started'],
  billing: ['started'],
  account: ['errorCode', 'started'],
};

/** When it started: fixed choices, translated by the widget (`intake.started.*`). */
export const STARTED_CHOICES = ['just_now', 'last_hour', 'today', 'earlier'] as const;

const field = (context: ContextSnapshot, name: string): unknown => (context as Record<string, unknown>)[name];
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined);

/** What the page says for a field, best first: `instance i-123`, `cn-hangzhou`, `QuotaExceeded`. */
export function contextValues(context: ContextSnapshot, name: IntakeField): string[] {
  switch (name) {
    case 'resource': {
      const list = field(context, 'resources');
      if (!Array.isArray(list)) return [];
      return list
        .map((r: unknown) => {
          const ref = r as { type?: unknown; id?: unknown } | null;
          const id = text(ref?.id);
          const type = text(ref?.type);
          return id ? (type ? `${type} ${id}` : id) : undefined;
        })
        .filter((s): s is string => !!s);
    }
    case 'region': {
      const region = text(field(context, 'region'));
      return region ? [region] : [];
    }
    case 'errorCode': {
      const list = field(context, 'errorCodes');
      return Array.isArray(list) ? [...new Set(list.map(text).filter((s): s is string => !!s))].reverse() : [];
    }
    default:
      return [];
  }
}

/**
 * The questions to ask before a ticket for `category`: only what is missing.
 * A field the page states once is known (answered from the context, not
 * asked); one with several candidates is asked with them as the choices; one
 * the page says nothing about is asked with free text (and fixed choices for
 * "when did it start").
 */
export function planIntake(category: string | null, context: ContextSnapshot): { questions: IntakeQuestion[]; known: IntakeAnswer[] } {
  const fields = INTAKE_BY_CATEGORY[category ?? ''] ?? (category ? ['started'] : []);
  const questions: IntakeQuestion[] = [];
  const known: IntakeAnswer[] = [];
  for (const f of fields) {
    if (f === 'started') {
      questions.push({ field: f, choices: STARTED_CHOICES.map((value) => ({ value, i18n: true })) });
      continue;
    }
    const values = contextValues(context, f);
    const [only] = values;
    if (values.length === 1 && only) known.push({ field: f, value: only, source: 'context' });
    else questions.push({ field: f, choices: values.slice(0, 6).map((value) => ({ value })) });
  }
  return { questions, known };
}
