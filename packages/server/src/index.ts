export { startServer } from './start.ts';
export type { RunningServer, ServerOptions } from './options.ts';
export type { Logger } from './log.ts';
export type { AppConfig } from './seed/apps.ts';
export { consoleLogger, silentLogger } from './log.ts';
export { localDiskAttachments } from './attachments/store.ts';
export type { AttachmentStore } from './attachments/store.ts';
