// Type tests for the public API: checked by the type-check step (tsc), so a wrong type fails the build.
import { expectTypeOf } from 'vitest';
import { createHelpdock, type Helpdock, type HelpdockCommands, type HelpdockEvents, type HelpdockGlobal } from '../src/index.ts';

const helpdock = createHelpdock({ appId: 'demo', serverUrl: 'https://help.example.com' });
expectTypeOf(helpdock).toEqualTypeOf<Helpdock>();

// Every command of the script tag is on the instance, with the same arguments.
expectTypeOf<keyof HelpdockCommands>().toEqualTypeOf<Exclude<keyof Helpdock, 'destroy'>>();
expectTypeOf(helpdock.showNewMessage).parameters.toEqualTypeOf<[text?: string]>();

// Events are typed by name.
helpdock.on('unread', (payload) => expectTypeOf(payload).toEqualTypeOf<{ count: number }>());
helpdock.on('ticket', (ticket) => expectTypeOf(ticket.number).toEqualTypeOf<number>());
expectTypeOf(helpdock.on('message', (m: HelpdockEvents['message']) => void m.text)).toEqualTypeOf<() => void>();
// @ts-expect-error: no such event
helpdock.on('explode', () => undefined);
// @ts-expect-error: an unread handler gets a count, not a message
helpdock.on('unread', (m: HelpdockEvents['message']) => void m);

helpdock.update({ theme: { accent: '#0a7f5a' }, locale: 'zh-CN' });
// @ts-expect-error: the app cannot change while running
helpdock.update({ appId: 'other' });
// @ts-expect-error: metadata is flat
helpdock.track('upgrade_clicked', { nested: { no: true } });
// @ts-expect-error: serverUrl is required
createHelpdock({ appId: 'demo' });

// The script tag's global takes the same names and arguments.
declare const global: HelpdockGlobal;
global('showNewMessage', 'hello');
global('on', 'open', () => undefined);
// @ts-expect-error: setLocale needs a locale
global('setLocale');
