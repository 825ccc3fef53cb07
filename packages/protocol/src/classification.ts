import * as v from 'valibot';

/*
 * What the bot learned before a handoff: the ticket's category and tags, a
 * suggested priority, the answers to the intake questions and the outcome of
 * any action the visitor ran. Every field is optional on the wire, so older
 * clients and servers keep working.
 */

export const CLASSIFICATION_LIMITS = {
  category: 64,
  tags: 10,
  tag: 64,
  intakeAnswers: 10,
  intakeValue: 500,
  actions: 20,
  actionText: 500,
} as const;

/** Fields the intake asks for. */
export const INTAKE_FIELDS = ['resource', 'region', 'errorCode', 'started'] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

const Label = (max: number) =>
  v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9][A-Za-z0-9 _.:/-]*$/, 'must be letters, digits, " ", ".", ":", "/", "-" or "_"'), v.maxLength(max, `must be at most ${max} characters`));
const bounded = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const CategoryLabelSchema = Label(CLASSIFICATION_LIMITS.category);

export const IntakeAnswerSchema = v.object({
  field: v.picklist(INTAKE_FIELDS),
  value: bounded(CLASSIFICATION_LIMITS.intakeValue),
  /** `context`: the page already said it; `choice`: the visitor picked it; `text`: typed. */
  source: v.picklist(['context', 'choice', 'text']),
});

export const ActionOutcomeSchema = v.object({
  action: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be an action name')),
  ok: v.boolean(),
  text: v.optional(bounded(CLASSIFICATION_LIMITS.actionText)),
  at: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
});

/** Optional fields a handoff may carry beside its transcript, context, category and priority. */
export const HandoffClassificationEntries = {
  tags: v.optional(v.pipe(v.array(Label(CLASSIFICATION_LIMITS.tag)), v.maxLength(CLASSIFICATION_LIMITS.tags, `must have at most ${CLASSIFICATION_LIMITS.tags} entries`))),
  intake: v.optional(v.pipe(v.array(IntakeAnswerSchema), v.maxLength(CLASSIFICATION_LIMITS.intakeAnswers, `must have at most ${CLASSIFICATION_LIMITS.intakeAnswers} entries`))),
  actions: v.optional(v.pipe(v.array(ActionOutcomeSchema), v.maxLength(CLASSIFICATION_LIMITS.actions, `must have at most ${CLASSIFICATION_LIMITS.actions} entries`))),
};

export type IntakeAnswer = v.InferOutput<typeof IntakeAnswerSchema>;
export type ActionOutcome = v.InferOutput<typeof ActionOutcomeSchema>;
