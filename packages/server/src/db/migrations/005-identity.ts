/*
 * Verified users: an app may hold an identity secret (its hosts sign their
 * users with it) and may require every visitor to be verified. A verified user
 * is one visitor row per (app, user id). `sessions_valid_after` is the
 * revocation line: session tokens and identity JWTs issued before it are refused.
 */
export const identity = `
ALTER TABLE apps ADD COLUMN identity_secret text;
ALTER TABLE apps ADD COLUMN identity_required boolean NOT NULL DEFAULT false;
ALTER TABLE visitors ADD COLUMN user_id text;
ALTER TABLE visitors ADD COLUMN sessions_valid_after timestamptz;
CREATE UNIQUE INDEX visitors_by_user ON visitors (app_id, user_id) WHERE user_id IS NOT NULL
`;
