import { loadKbDir } from '@helpdock/kb/node';
import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { replaceArticles } from '../store/kb.ts';
import { provisionApps } from './apps.ts';

export const DEMO_APP_ID = 'demo';
export const DEMO_PASSWORD = 'helpdock-demo';
/** Ana works first-line support in English; Li is second line and also speaks Chinese; Bo handles billing. */
export const DEMO_AGENTS = [
  { email: 'ana@demo.helpdock.dev', name: 'Ana Silva', tier: 'L1', team: 'Support', languages: ['en'], categories: [], capacity: 3 },
  { email: 'li@demo.helpdock.dev', name: 'Li Wei', tier: 'L2', team: 'Support', languages: ['zh', 'en'], categories: [], capacity: 3 },
  { email: 'bo@demo.helpdock.dev', name: 'Bo Berg', tier: 'L1', team: 'Billing', languages: ['en'], categories: ['billing'], capacity: 3 },
] as const;

const DEMO_SETTINGS = {
  // Around the clock, so the demo answers whenever it is tried; set businessHours to try the "we are closed" path.
  businessHours: null,
  reopenWindowHours: 72,
  planPriority: { enterprise: 'P1' },
  teams: ['Support', 'Billing'],
  cannedReplies: [
    { id: 'greet', title: 'Greeting', text: 'Hi, thanks for reaching out! I am looking into this now.' },
    { id: 'more-info', title: 'Ask for details', text: 'Could you tell me the instance ID and the region, and what you see on the screen?' },
    { id: 'wrap-up', title: 'Wrap up', text: 'Glad that is sorted. Is there anything else I can help with?' },
  ],
};

export interface DemoSeedOptions {
  /** Origins the demo widget may be embedded on (the example console's). */
  origins: string[];
  kbDir: string;
  logger: Logger;
  identity?: { secret: string; required?: boolean };
}

/** Safe to run on every start: the app is upserted, agents are added once, the KB is reloaded. */
export async function seedDemo(db: Db, options: DemoSeedOptions): Promise<void> {
  await provisionApps(db, [
    {
      id: DEMO_APP_ID,
      name: 'Helpdock demo',
      allowedOrigins: options.origins,
      agents: DEMO_AGENTS.map((agent) => ({ ...agent, languages: [...agent.languages], categories: [...agent.categories], password: DEMO_PASSWORD })),
      settings: DEMO_SETTINGS,
      ...(options.identity ? { identity: options.identity } : {}),
    },
  ]);
  const kb = await loadKbDir(options.kbDir);
  for (const error of kb.errors) options.logger.warn(`demo KB: ${error.file}:${error.line}: ${error.message}`);
  const articles = Object.values(kb.bundles).flatMap((bundle) => bundle.articles);
  await db.transaction((tx) => replaceArticles(tx, DEMO_APP_ID, articles));
  options.logger.info(`demo app "${DEMO_APP_ID}" ready: ${articles.length} KB articles in ${Object.keys(kb.bundles).length} locales`);
}
