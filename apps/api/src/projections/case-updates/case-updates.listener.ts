import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { PostgresNotifications } from '../../platform';
import { CASE_UPDATES_CHANNEL } from '../case-read-model/case-update-message';
import type { CaseUpdateMessage } from '../case-read-model/case-update-message';

/**
 * The notifications the case projection sends on commit, heard by every instance and handed to its
 * own GraphQL subscribers: updates fan out through PostgreSQL, not one process's memory.
 */
@Injectable()
export class CaseUpdatesListener implements OnModuleInit {
  constructor(private readonly notifications: PostgresNotifications) {}

  onModuleInit(): void {
    this.notifications.listen(CASE_UPDATES_CHANNEL);
  }

  updates(signal: AbortSignal): AsyncIterableIterator<CaseUpdateMessage> {
    return this.notifications.messages<CaseUpdateMessage>(CASE_UPDATES_CHANNEL, signal);
  }
}
