import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { CASE_STREAM_PREFIX } from '@sot/domain';
import type { EventStore } from '@sot/event-store';
import type { Logger } from 'pino';
import { appendAnchor, headsDigest } from '../../case-events';
import type { StoreAnchor } from '../../case-events';
import { APP_CONFIG, EVENT_STORE, LOGGER } from '../../platform';
import type { AppConfig } from '../../platform';

/**
 * Anchors the event store's head every ANCHOR_INTERVAL_SECONDS: appended to ANCHOR_FILE and logged
 * (so a log store keeps it too). Incremental: each anchor reads only the events since the last.
 */
@Injectable()
export class StoreAnchoring implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly digest = headsDigest();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ANCHOR_INTERVAL_SECONDS > 0) {
      this.timer = setInterval(() => {
        this.running = this.anchorNow().catch((error: unknown) =>
          this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'store not anchored'),
        );
      }, this.config.ANCHOR_INTERVAL_SECONDS * 1000);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Reads the events since the last anchor, and anchors the head as it is now. */
  async anchorNow(): Promise<StoreAnchor | undefined> {
    const after = this.digest.position;
    const filter = { streamPrefix: CASE_STREAM_PREFIX };
    for await (const recorded of this.store.readAll({ ...(after ? { after } : {}), filter })) {
      this.digest.add(recorded);
    }
    const anchor = this.digest.anchor(new Date());
    if (anchor) {
      await appendAnchor(this.config.anchorFile, anchor);
      this.logger.info({ anchor }, 'event store anchored');
    }
    return anchor;
  }
}
