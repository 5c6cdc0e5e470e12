import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'crypto';
import { ClaimedComponent, DriftQueueStore } from './DriftQueueStore';

/**
 * Drains the drift reconcile queue (`aims_drift_queue`): components a deployment report
 * touched are reconciled shortly after the report was answered, many in one pass. `kick()`
 * (after a report commits on this replica) drains once no report came for `delayMs`, at the
 * latest `maxDelayMs` after the first, so a burst of reports becomes one reconcile that does
 * not compete with the burst's ingestion for the CPU. The scheduled `aims-drift-queue` task
 * drains on every replica, which picks up anything a replica that stopped never got to, and
 * what it had claimed once its lease (`aims.drift.queueLease`) ran out.
 */
export class DriftQueue {
  /** One lease owner per process: a crashed process's leases simply expire. */
  private readonly owner = `aims-${randomUUID()}`;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;
  private again = false;
  private stopped = false;
  private firstKickAt = 0;

  constructor(
    private readonly deps: {
      store: DriftQueueStore;
      reconcile: (components: string[]) => Promise<unknown>;
      logger: LoggerService;
      /** A pass starts this long after the last kick… */
      delayMs: number;
      /** …or this long after the first kick of a burst (default 4 × delayMs). */
      maxDelayMs?: number;
      batchSize: number;
      leaseMs: number;
      clock?: () => Date;
    },
  ) {}

  private maxDelayMs() {
    return this.deps.maxDelayMs ?? 4 * this.deps.delayMs;
  }

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  /** Drain soon (debounced): called after a deployment report was committed. */
  kick() {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    const now = Date.now();
    if (this.timer) {
      // debounced while reports keep arriving, up to `maxDelayMs` after the first kick
      if (now + this.deps.delayMs - this.firstKickAt > this.maxDelayMs())
        return;
      clearTimeout(this.timer);
    } else {
      this.firstKickAt = now;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain().catch(e =>
        this.deps.logger.warn(
          `AIMS drift reconcile of queued components failed (they stay queued): ${
            (e as Error).message
          }`,
        ),
      );
    }, this.deps.delayMs);
  }

  /**
   * Reconciles queued components until none is claimable; resolves to how many it
   * reconciled. Concurrent calls on one replica share a pass.
   */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.loop().finally(() => {
      this.draining = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
    return this.draining;
  }

  private async loop(): Promise<number> {
    const { store, reconcile, batchSize, leaseMs } = this.deps;
    let total = 0;
    while (!this.stopped) {
      this.again = false;
      const claimed = await store.claim(
        this.owner,
        this.now(),
        leaseMs,
        batchSize,
      );
      if (!claimed.length) break;
      try {
        await reconcile(claimed.map(c => c.component));
      } catch (e) {
        if (claimed.length === 1) {
          // leave it queued for the next pass (kick or the scheduled task), not a hot loop
          await store.release(this.owner);
          throw e;
        }
        // one component must not hold the others back: go through them one by one
        const done = await this.oneByOne(claimed);
        await store.complete(this.owner, done);
        total += done.length;
        if (done.length < claimed.length) throw e;
        continue;
      }
      await store.complete(this.owner, claimed);
      total += claimed.length;
    }
    return total;
  }

  private async oneByOne(claimed: ClaimedComponent[]) {
    const done: ClaimedComponent[] = [];
    for (const c of claimed) {
      try {
        await this.deps.reconcile([c.component]);
        done.push(c);
      } catch {
        // stays queued (released by complete) and is reported by the caller
      }
    }
    return done;
  }

  /** Stops kicking and waits for a pass in progress (backend shutdown). */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining?.catch(() => {});
  }
}
