import { isolate } from '../isolate.ts';
import type { CoreState } from '@helpdock/core';
import { useBinding } from '../binding-context.ts';

/** Long ids are cut in the middle of nowhere useful: keep the start, which is what people recognise. */
const short = (id: string) => (id.length > 14 ? `${id.slice(0, 12)}…` : id);

export function whereParts(context: CoreState['context']): string[] {
  const parts: string[] = [];
  if (context.product) parts.push(context.product.toUpperCase());
  const resource = context.resources?.[0];
  if (resource) parts.push(`${resource.type} ${short(resource.id)}`);
  else if (context.page) parts.push(context.page);
  if (context.region) parts.push(context.region);
  return parts;
}

/** "You are on: ECS › instance i-bp1… › cn-hangzhou", when the console told us. */
export function ContextLine() {
  const { state, t, dir } = useBinding();
  const parts = whereParts(state.value.context);
  if (parts.length === 0) return null;
  return (
    <p class="hd-context" title={state.value.context.resources?.map((r) => `${r.type} ${r.id}`).join(', ')}>
      {t('context.on', { where: isolate(parts.join(' › '), dir.value) })}
    </p>
  );
}
