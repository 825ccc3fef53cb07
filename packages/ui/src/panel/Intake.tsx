import { useBinding } from '../binding-context.ts';

/**
 * The question before a ticket: choices prefilled from the page, free text
 * through the composer, and Skip. "Talk to a human" stays below it and goes
 * at once with what is answered.
 */
export function Intake() {
  const { core, state, t } = useBinding();
  const intake = state.value.intake;
  const question = intake?.plan.questions[intake.index];
  if (!intake || !question) return null;
  const total = intake.plan.questions.length;
  const known = intake.plan.known;
  return (
    <div class="hd-intake" role="group" aria-labelledby="hd-intake-q">
      {known.length > 0 && intake.index === 0 ? (
        <p class="hd-meta">{t('intake.known', { list: known.map((k) => `${t(`intake.field.${k.field}`)}: ${k.value}`).join(' · ') })}</p>
      ) : null}
      <p id="hd-intake-q" class="hd-intake-question">
        {t(`intake.ask.${question.field}`)} <span class="hd-meta">{t('intake.step', { n: intake.index + 1, total })}</span>
      </p>
      <div class="hd-quick">
        {question.choices.map((c) => (
          <button key={c.value} type="button" class="hd-chip" onClick={() => core.answerIntake(c.value, 'choice')}>
            {c.i18n ? t(`intake.${question.field}.${c.value}`) : c.value}
          </button>
        ))}
        <button type="button" class="hd-chip hd-chip--quiet" onClick={() => core.skipIntake()}>
          {t('intake.skip')}
        </button>
      </div>
      <p class="hd-meta">{t('intake.type_hint')}</p>
    </div>
  );
}
