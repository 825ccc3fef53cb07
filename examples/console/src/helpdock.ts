/*
 * How this console configures Helpdock beyond its one script tag: URL rules for
 * its routes, the facts only the console knows (plan, account), and a
 * diagnostics check. Calls made before the widget loads are queued by the
 * loader (or by the two-line stub below when this runs first).
 */

type HelpdockFn = ((...args: unknown[]) => void) & { q?: unknown[][] };
type HelpdockWindow = Window & { Helpdock?: HelpdockFn };

function helpdock(...args: unknown[]): void {
  const w = window as HelpdockWindow;
  if (!w.Helpdock) {
    const stub: HelpdockFn = (...a: unknown[]) => void (stub.q ??= []).push(a);
    w.Helpdock = stub;
  }
  w.Helpdock(...args);
}

export function setUpHelpdock(): void {
  helpdock('boot', {
    context: {
      rules: [
        { pattern: '/ecs/:region/instances/:instanceId', product: 'ecs', page: 'instance-detail' },
        { pattern: '/ecs/:region/instances', product: 'ecs', page: 'instance-list' },
        { pattern: '/oss/:region/buckets/:bucket', product: 'oss', page: 'bucket-detail', resources: { bucket: 'bucket' } },
        { pattern: '/oss/:region/buckets', product: 'oss', page: 'bucket-list' },
        { pattern: '/cdn/domains/:domainId', product: 'cdn', page: 'domain-detail', resources: { domainId: 'domain-id' } },
        { pattern: '/cdn/domains', product: 'cdn', page: 'domain-list' },
        { pattern: '/vpc/:region/vpcs/:vpcId', product: 'vpc', page: 'vpc-detail' },
        { pattern: '/vpc/:region/vpcs', product: 'vpc', page: 'vpc-list' },
        // The console's landing page is the compute instance list too.
        { pattern: '/', product: 'ecs', page: 'instance-list' },
        { pattern: '/index.html', product: 'ecs', page: 'instance-list' },
      ],
      // The console's own failed API calls go with a ticket (method, URL without query, status).
      capture: { errors: true, requests: true, max: 10 },
    },
  });
  helpdock('setContext', { plan: 'enterprise', accountId: '1873-4402-9915', custom: { sla: '99.95%' } });
  helpdock('setDiagnostics', async () => {
    const started = performance.now();
    const api = await fetch('/', { method: 'HEAD' }).then((r) => r.ok, () => false);
    return {
      summary: api ? 'The console API answers; the vCPU quota is used up' : 'The console API does not answer',
      checks: [
        { name: 'Console API reachable', ok: api, detail: `${Math.round(performance.now() - started)} ms` },
        { name: 'vCPU quota in cn-hangzhou', ok: false, detail: '64 of 64 vCPUs in use' },
        { name: 'Account in good standing', ok: true },
      ],
    };
  });
}
