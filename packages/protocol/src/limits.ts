/** Hard limits enforced by the server and mirrored by the clients. */
export const LIMITS = {
  /** Characters in one chat message. */
  messageText: 4000,
  /** Messages in the bot transcript carried into a handoff. */
  transcriptMessages: 200,
  /** Characters in a ticket subject. */
  subject: 200,
  /** Characters in a URL carried in context. */
  url: 2048,
  /** Characters in a page title carried in context. */
  title: 300,
  /** Characters in a client-generated idempotency key. */
  clientId: 64,
  /** Characters in a resolution summary. */
  resolution: 2000,
  /** Messages returned by one history request. */
  historyPage: 500,
} as const;
