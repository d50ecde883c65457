/** ui→bg messages of the exposure dashboard (history, check-ins, backup, export). */

export const dashboardMessages = [] as const;

// biome-ignore lint/complexity/noBannedTypes: filled as the dashboard's messages land.
export type DashboardReplies = {};
