/*
 * What the bot hands over with a ticket (category, tags, intake answers, action
 * outcomes) and the action an article offers. One jsonb column on tickets keeps
 * the bot's optional, growing shape out of the ticket's core columns.
 */
export const botDetails = `
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS bot_details jsonb NOT NULL DEFAULT '{}';
ALTER TABLE kb_articles ADD COLUMN IF NOT EXISTS action text;
ALTER TABLE kb_articles ADD COLUMN IF NOT EXISTS action_label text;
`;
