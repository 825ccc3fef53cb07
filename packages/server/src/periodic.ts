/**
 * Runs `task` every `ms`, never two at once: a pass still running when the next is due is
 * not joined by another. The timer does not keep the process alive. Returns the stop.
 */
export function every(ms: number, task: () => Promise<unknown>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task().finally(() => (running = false));
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
