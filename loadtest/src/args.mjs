/*
 * Command-line options. Every figure is bounded: the tool must never be able
 * to run away with the machine, and it only ever talks to servers it started
 * itself on 127.0.0.1.
 */
export const LIMITS = { visitors: 20_000, agents: 500, rate: 50_000, duration: 600, nodes: 8 };

const DEFAULTS = { visitors: 100, agents: 5, rates: [100], duration: 10, nodes: 1, warmup: 2, echo: false, json: false };

export const USAGE = `pnpm loadtest [options]
  --visitors N      simulated visitors, each with its own session, socket and ticket (default 100, max ${LIMITS.visitors})
  --agents M        simulated agents; each ticket is opened by one of them (default 5, max ${LIMITS.agents})
  --rate R[,R2…]    visitor messages per second across all visitors; several rates run one after the other (default 100)
  --duration S      seconds of measurement per rate (default 10, max ${LIMITS.duration}); stops by itself
  --nodes K         server processes (default 1); K > 1 needs DATABASE_URL and REDIS_URL (a private schema is used and dropped)
  --postgres        one node on Postgres (DATABASE_URL, private schema) instead of the embedded store
  --warmup S        seconds at the first rate before measuring (default 2)
  --echo            measure a bare socket.io echo server (same topology) instead of Helpdock: the ceiling
  --json            print the result as JSON`;

export function parseArgs(argv) {
  const opts = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const int = (name, max) => {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
      return n;
    };
    switch (arg) {
      case '--':
        break;
      case '--visitors':
        opts.visitors = int('visitors', LIMITS.visitors);
        break;
      case '--agents':
        opts.agents = int('agents', LIMITS.agents);
        break;
      case '--rate':
        opts.rates = next().split(',').map((r) => {
          const n = Number(r);
          if (!Number.isFinite(n) || n <= 0 || n > LIMITS.rate) throw new Error(`--rate values must be from 1 to ${LIMITS.rate}`);
          return n;
        });
        break;
      case '--duration':
        opts.duration = int('duration', LIMITS.duration);
        break;
      case '--nodes':
        opts.nodes = int('nodes', LIMITS.nodes);
        break;
      case '--warmup':
        opts.warmup = Number(next());
        if (!(opts.warmup >= 0 && opts.warmup <= 60)) throw new Error('--warmup must be from 0 to 60');
        break;
      case '--postgres':
        opts.postgres = true;
        break;
      case '--echo':
        opts.echo = true;
        break;
      case '--json':
        opts.json = true;
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  if (opts.agents > opts.visitors) opts.agents = opts.visitors;
  return opts;
}
