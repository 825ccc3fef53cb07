import { init } from './001-init.ts';
import { context } from './002-context.ts';
import { lifecycle } from './003-lifecycle.ts';
import { botDetails } from './004-bot-details.ts';
import { identity } from './005-identity.ts';
import { attachments } from './006-attachments.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a fix is a new version. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'context', sql: context },
  { version: 3, name: 'lifecycle', sql: lifecycle },
  { version: 4, name: 'bot-details', sql: botDetails },
  { version: 5, name: 'identity', sql: identity },
  { version: 6, name: 'attachments', sql: attachments },
];
