import type { Attachment } from '@helpdock/protocol';
import { lazyView } from '../lazy.tsx';

/**
 * The attachment code loads the first time it shows, apart from the open chat: the picker
 * once there is someone to send a file to, the previews and downloads once a message has files.
 */
export const Attachments = lazyView<{ list: Attachment[] }>(() => import('./parts.tsx').then((m) => m.AttachmentList));
export const AttachButton = lazyView(() => import('./attach-button.tsx').then((m) => m.AttachButton));
