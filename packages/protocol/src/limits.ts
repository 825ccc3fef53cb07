/** Hard limits enforced by the server and mirrored by the clients. */
export const LIMITS = {
  /** Characters in one chat message. */
  messageText: 4000,
  /** Messages in the bot transcript carried into a handoff. */
  transcriptMessages: 200,
  /** The visitor's questions a handoff plan is classified from (the newest). */
  planTexts: 50,
  /** Articles the bot answered with, in a handoff plan request. */
  planArticles: 20,
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
  /** Characters in a short context fact: product, page, region, plan, resource type, error code. */
  contextName: 128,
  /** Characters in a resource id or account id carried in context. */
  contextId: 256,
  /** Resources, error codes or captured failures carried in one context snapshot (each list). */
  contextList: 20,
  /** Characters in one captured failure's message, a custom value or a diagnostics detail. */
  contextText: 500,
  /** Custom key/value facts a host may push into context. */
  contextCustom: 30,
  /** Checks in one diagnostics report. */
  diagnosticsChecks: 20,
  /** Characters in an incident's title / message. */
  incidentTitle: 200,
  incidentMessage: 2000,
  /** Characters in a host's user id (identify). */
  userId: 256,
  /** Characters in an identity token: a JWT or an HMAC of the user id. */
  identityToken: 4096,
  /** Bytes in one uploaded image (PNG, JPEG, GIF, WebP). */
  attachmentImageBytes: 5 * 1024 * 1024,
  /** Bytes in one uploaded log file (plain UTF-8 text: .log, .txt, .json). */
  attachmentLogBytes: 2 * 1024 * 1024,
  /** Characters in an attachment's file name. */
  attachmentName: 200,
  /** Attachments carried by one message. */
  attachmentsPerMessage: 5,
} as const;
