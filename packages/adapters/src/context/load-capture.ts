/**
 * The failure capture's own chunk. The widget starts fetching it together with the
 * context source, so the two go live together and the page's failures are recorded
 * from the moment the widget reads the console.
 */
export const loadFailureCapture = () => import('./capture.ts');
