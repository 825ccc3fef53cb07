import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs` while mounted: clocks tick without any store change. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
