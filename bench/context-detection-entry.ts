// Bundled by context-detection.bench.ts for the page under test: the real context source, nothing else.
import { consoleContextSource } from '../packages/adapters/src/index.ts';

(globalThis as unknown as { consoleContextSource: typeof consoleContextSource }).consoleContextSource = consoleContextSource;
