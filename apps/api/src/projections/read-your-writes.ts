import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { comparePositions } from '@sot/event-store';
import type { Position } from '@sot/event-store';
import { PostgresNotifications } from '../platform';
import { CASE_UPDATES_CHANNEL } from './case-read-model/case-update-message';
import { ProjectionsService } from './projections.service';
import { READ_MODELS } from './read-models';
import type { ReadModelDatabase } from './read-models';
import { readCheckpoints } from './runner/checkpoints';

/** Where the leader is another instance, only its case projection announces progress: look now and then too. */
const FALLBACK_CHECK_MS = 100;

type Waiter = { readonly position: Position; readonly done: (passed: boolean) => void };

/**
 * After a write, waits (bounded) until every projection has passed the appended position. Woken by
 * the projections' progress (this instance's batches, and every instance's case updates), never a
 * tight poll: one read of the checkpoints answers every waiting request at once.
 */
@Injectable()
export class ReadYourWrites implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly waiters = new Set<Waiter>();
  private checking: Promise<void> | undefined;
  private again = false;
  private fallback: NodeJS.Timeout | undefined;
  private readonly stop = new AbortController();

  constructor(
    private readonly projections: ProjectionsService,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    private readonly notifications: PostgresNotifications,
  ) {}

  onApplicationBootstrap(): void {
    this.projections.progress.on('applied', this.wake);
    void this.followCaseUpdates();
  }

  beforeApplicationShutdown(): void {
    this.projections.progress.off('applied', this.wake);
    this.stop.abort();
    clearInterval(this.fallback);
    for (const waiter of this.waiters) {
      waiter.done(false);
    }
    this.waiters.clear();
  }

  /** Resolves true once every projection has passed `position`, false on timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const waiter: Waiter = { position, done: (passed) => finish(passed) };
      const finish = (passed: boolean) => {
        clearTimeout(timer);
        if (this.waiters.delete(waiter)) {
          resolve(passed);
        }
      };
      this.waiters.add(waiter);
      this.fallback ??= setInterval(this.wake, FALLBACK_CHECK_MS);
      this.wake();
    });
  }

  private readonly wake = (): void => {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = this.check()
      .catch(() => undefined)
      .finally(() => {
        this.checking = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  };

  private async check(): Promise<void> {
    if (this.waiters.size === 0) {
      clearInterval(this.fallback);
      this.fallback = undefined;
      return;
    }
    const names = this.projections.names;
    const checkpoints = await readCheckpoints(this.readModels.db, names);
    for (const waiter of this.waiters) {
      const passed = names.every((name) => {
        const checkpoint = checkpoints.get(name);
        return checkpoint !== undefined && comparePositions(checkpoint, waiter.position) >= 0;
      });
      if (passed) {
        waiter.done(true);
      }
    }
  }

  private async followCaseUpdates(): Promise<void> {
    try {
      for await (const _update of this.notifications.messages(CASE_UPDATES_CHANNEL, this.stop.signal)) {
        this.wake();
      }
    } catch (error) {
      if (!this.stop.signal.aborted) {
        throw error;
      }
    }
  }
}
