// shims/zendesk.js, the script tag's file: loaded next to loader.js, it installs the shim and replays the page's queued calls.
import { installZendesk } from '../zendesk.ts';

try {
  installZendesk(window);
} catch {
  // A broken shim must not break the host page.
}
