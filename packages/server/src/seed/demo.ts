import { loadKbDir } from '@helpdock/kb/node';
import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { replaceArticles } from '../store/kb.ts';
import { provisionApps } from './apps.ts';

export const DEMO_APP_ID = 'demo';
export const DEMO_PASSWORD = 'helpdock-demo';
export const DEMO_AGENTS = [
  { email: 'ana@demo.helpdock.dev', name: 'Ana Silva' },
  { email: 'li@demo.helpdock.dev', name: 'Li Wei' },
] as const;

export interface DemoSeedOptions {
  /** Origins the demo widget may be embedded on (the example console's). */
  origins: string[];
  kbDir: string;
  logger: Logger;
}

/** Safe to run on every start: the app is upserted, agents are added once, the KB is reloaded. */
export async function seedDemo(db: Db, options: DemoSeedOptions): Promise<void> {
  await provisionApps(db, [
    {
      id: DEMO_APP_ID,
      name: 'Helpdock demo',
      allowedOrigins: options.origins,
      agents: DEMO_AGENTS.map((agent) => ({ ...agent, password: DEMO_PASSWORD })),
    },
  ]);
  const kb = await loadKbDir(options.kbDir);
  for (const error of kb.errors) options.logger.warn(`demo KB: ${error.file}:${error.line}: ${error.message}`);
  const articles = Object.values(kb.bundles).flatMap((bundle) => bundle.articles);
  await db.transaction((tx) => replaceArticles(tx, DEMO_APP_ID, articles));
  options.logger.info(`demo app "${DEMO_APP_ID}" ready: ${articles.length} KB articles in ${Object.keys(kb.bundles).length} locales`);
}
