import { Inject, Injectable } from '@nestjs/common';
import { comparePositions } from '@sot/event-store';
import type { Position } from '@sot/event-store';
import { ProjectionsService } from './projections.service';
import { READ_MODELS } from './read-models';
import type { ReadModelDatabase } from './read-models';
import { readCheckpoints } from './runner/checkpoints';

const POLL_MS = 15;

/** After a write, waits (bounded) until every projection has passed the appended position. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
  ) {}

  /** Resolves true once every projection has passed `position`, false on timeout. */
  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const names = this.projections.names;
    for (;;) {
      const checkpoints = await readCheckpoints(this.readModels.db, names);
      const passed = (name: string) => {
        const checkpoint = checkpoints.get(name);
        return checkpoint !== undefined && comparePositions(checkpoint, position) >= 0;
      };
      if (names.every(passed)) {
        return true;
      }
      if (Date.now() >= deadline) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
