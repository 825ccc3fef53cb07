/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const round = (n, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

/** Peak resident memory of a process, polled from /proc (Linux); `stop()` returns MB. */
export function rssSampler(pid, everyMs = 250) {
  let peakKb = 0;
  const sample = async () => {
    try {
      const { readFile } = await import('node:fs/promises');
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (kb > peakKb) peakKb = kb;
    } catch {
      // The process is gone or /proc is missing: keep the peak so far.
    }
  };
  void sample();
  const timer = setInterval(sample, everyMs);
  return {
    peakMb: () => round(peakKb / 1024),
    stop() {
      clearInterval(timer);
      return round(peakKb / 1024);
    },
  };
}

/** Open file descriptors of a process: its sockets, roughly (Linux). */
export async function openFds(pid) {
  try {
    const { readdir } = await import('node:fs/promises');
    return (await readdir(`/proc/${pid}/fd`)).length;
  } catch {
    return null;
  }
}
