import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';

export interface HttpDeps {
  db: Db;
  secret: string;
  logger: Logger;
  version: string;
  startedAt: number;
  widgetDir: string;
  agentConsoleDir: string;
}
