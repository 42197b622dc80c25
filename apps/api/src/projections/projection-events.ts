import type { ProjectedEvent } from './projection';

/** Published on the EventBus after the case read model committed a batch (leader only). */
export class CaseEventsProjected {
  constructor(readonly events: readonly ProjectedEvent[]) {}
}

export type CaseUpdateMessage = {
  readonly caseId: string;
  readonly version: number;
  readonly caseManagerId: string | null;
  readonly eventTypes: readonly string[];
};
