/** Announced whenever an account changes, to every api instance: caches drop it, and when its sessions ended, live connections close. */
export const ACCOUNT_CHANGES_CHANNEL = 'sot_account_changes';

export type AccountChangeMessage = { readonly userId: string; readonly sessionsEnded: boolean };
