/**
 * Tells subscribers in other processes that events were appended, off the append's path: a NOTIFY
 * inside each append's transaction serialises every commit on PostgreSQL's notification queue
 * (single-event appends ran at half the speed). At most one NOTIFY is in flight; appends made
 * meanwhile are announced together by the next one. Subscribers also poll, so a lost announcement
 * costs latency, never an event.
 */
export class Announcer {
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(private readonly send: () => Promise<unknown>) {}

  announce(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.again) {
          this.again = false;
          this.announce();
        }
      });
  }

  /** Waits for the announcement under way, if any (before the pool is ended). */
  async settled(): Promise<void> {
    while (this.inFlight) {
      await this.inFlight;
    }
  }
}
