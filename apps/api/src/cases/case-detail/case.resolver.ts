import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EventStore } from '@sot/event-store';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { readCaseHistory } from '../../case-events';
import { DateTime } from '../../graphql';
import { APP_CONFIG, AppError, EVENT_STORE } from '../../platform';
import type { AppConfig } from '../../platform';
import { PatientDataVault } from '../../patient-data';
import { ERASED } from '@sot/domain';
import { evolveCaseDetails } from '../../projections';
import type { CaseDetails } from '../../projections';
import { CaseReadAccess } from '../access';
import { CaseDetailsRepository } from './case-details.repository';
import { caseView } from './case-view';
import { Case, Note } from './case.types';

@Resolver(() => Case)
export class CaseResolver {
  constructor(
    private readonly details: CaseDetailsRepository,
    private readonly access: CaseReadAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly vault: PatientDataVault,
  ) {}

  @Query(() => Case, { description: 'A case in full. Every call is recorded in the access log.' })
  async case(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string): Promise<Case> {
    const caseId = await this.access.authorize(user, id, 'case');
    const row = await this.details.find(caseId);
    if (!row) {
      throw new AppError('NOT_FOUND', `No case ${caseId}`);
    }
    return caseView(caseId, row.details, row.version, new Date(), this.config.TIME_ZONE);
  }

  @Query(() => Case, { description: 'The case as it stood at a moment: replays its events recorded up to `at`' })
  async caseAsOf(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => DateTime }) at: Date,
  ): Promise<Case> {
    const caseId = await this.access.authorize(user, id, 'caseAsOf');
    let details: CaseDetails | undefined;
    let version = 0;
    let notes: Note[] = [];
    for await (const { event, recorded } of readCaseHistory({ store: this.store, vault: this.vault }, caseId, at)) {
      details = evolveCaseDetails(details, event);
      version = recorded.streamRevision + 1;
      if (event.type === 'NoteAdded') {
        const { noteId, personal, author, occurredAt } = event.data;
        notes.push({ noteId, text: personal.text, author, addedAt: new Date(occurredAt) });
      }
      if (event.type === 'PatientDataErased') {
        // As the page reads erased from here on, so do its notes, whether or not the key is gone yet.
        notes = notes.map((note) => ({ ...note, text: ERASED }));
      }
    }
    if (details === undefined) {
      throw new AppError('NOT_FOUND', `Case ${caseId} had not been opened at ${at.toISOString()}`);
    }
    return { ...caseView(caseId, details, version, at, this.config.TIME_ZONE), notes, asOf: at };
  }

  /** The case's notes, from their own table; a case as of a moment brings its own. */
  @ResolveField(() => [Note])
  async notes(@Parent() parent: Case): Promise<Note[]> {
    return parent.notes ?? (await this.details.notes(parent.id));
  }
}
