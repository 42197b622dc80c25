import type { CaseCommand } from '@sot/domain';
import type { Position } from '@sot/event-store';
import type { Actor } from '../auth';

export type CommandContext = {
  readonly actor: Actor;
  /** Chosen by the client; the same id twice appends once. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The case version the client saw; a different one is a CONFLICT. */
  readonly expectedVersion?: number;
};

/** The CQRS envelope around any domain command: one generic handler runs them all. */
export class ExecuteCaseCommand {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly context: CommandContext,
  ) {}
}

export type CommandResult = {
  readonly caseId: string;
  /** Events in the case stream after the command. */
  readonly version: number;
  /** Where the command's last event sits in the global order (absent when nothing was appended). */
  readonly position?: Position;
  /** True when an earlier delivery of the same commandId had already been recorded. */
  readonly duplicate: boolean;
};
