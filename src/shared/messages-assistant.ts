/** ui→bg messages of the moderation assistant (popup, badges' actions, evidence, settings). */

export const assistantMessages = [] as const;

// biome-ignore lint/complexity/noBannedTypes: filled as the assistant's messages land.
export type AssistantReplies = {};
