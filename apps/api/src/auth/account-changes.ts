import type { PostgresNotifications } from '../platform';

/** Announced whenever an account changes, to every api instance: caches drop it, and when its sessions ended, live connections close. */
export const ACCOUNT_CHANGES_CHANNEL = 'sot_account_changes';

export type AccountChangeMessage = { readonly userId: string; readonly sessionsEnded: boolean };

/** Hands every account change, from any instance, to `handle` until `signal` aborts. */
export const followAccountChanges = async (
  notifications: PostgresNotifications,
  signal: AbortSignal,
  handle: (change: AccountChangeMessage) => void,
): Promise<void> => {
  try {
    for await (const change of notifications.messages<AccountChangeMessage>(ACCOUNT_CHANGES_CHANNEL, signal)) {
      handle(change);
    }
  } catch (error) {
    if (!signal.aborted) {
      throw error;
    }
  }
};
