// shims/crisp.js, the script tag's file: loaded next to loader.js, it installs the shim and replays the page's queued calls.
import { installCrisp } from '../crisp.ts';

try {
  installCrisp(window);
} catch {
  // A broken shim must not break the host page.
}
