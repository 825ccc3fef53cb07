// shims/intercom.js, the script tag's file: loaded next to loader.js, it installs the shim and replays the page's queued calls.
import { installIntercom } from '../intercom.ts';

try {
  installIntercom(window);
} catch {
  // A broken shim must not break the host page.
}
