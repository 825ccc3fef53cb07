import { configure, prettyDOM } from '@testing-library/preact';

configure({
  // A lazy view loads on its first use; on a busy machine that takes longer than the default second.
  asyncUtilTimeout: 10_000,
  // The widget renders into a shadow root, which prettyDOM refuses: without this a query that finds
  // nothing throws inside testing-library's timer, and the test hangs instead of saying what it missed.
  getElementError(message, container) {
    const root = container instanceof ShadowRoot ? Array.from(container.children).map((c) => prettyDOM(c) || '').join('\n') : prettyDOM(container);
    const error = new Error([message, root].filter(Boolean).join('\n\n'));
    error.name = 'TestingLibraryElementError';
    return error;
  },
});
