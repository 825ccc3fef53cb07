// Loaded right after the launcher shows: URL rules, DOM signals, the error-banner watch and the
// help and status clients stay out of its path.
export { consoleContextSource, remoteHelpProvider, remoteStatusProvider } from '@helpdock/adapters';
