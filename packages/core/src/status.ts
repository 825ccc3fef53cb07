import type { ContextSnapshot, Incident } from '@helpdock/protocol';

/** Incidents that concern the user: their product, and their region or every region. */
export function incidentsFor(incidents: readonly Incident[], context: ContextSnapshot): Incident[] {
  const product = context.product?.toLowerCase();
  if (!product) return [];
  return incidents.filter((i) => i.status === 'active' && i.product === product && (i.region === null || i.region === context.region));
}

// "is it down?", "outage", "not working", and the same in Chinese: asked often, answered from the status page.
const STATUS_QUESTION = /\b(down|outage|offline|unavailable|not working|broken|status|incident|degraded)\b|宕机|故障|挂了|不可用|服务状态/i;

export function isStatusQuestion(text: string): boolean {
  return STATUS_QUESTION.test(text);
}
