/**
 * Group commit: items submitted while a batch is being handled wait and go together into the
 * next one. A lone caller is handled on the next turn of the event loop (no added delay);
 * concurrent callers share one round trip (one transaction, one catalog query) instead of
 * paying for one each.
 *
 * `handle` returns one outcome per item, in order: a value resolves that item's promise, an
 * `Error` rejects only that item. If `handle` itself throws, every item of the batch rejects
 * with that error.
 */
export class Batcher<I, O> {
  private queue: Array<{
    item: I;
    resolve: (value: O) => void;
    reject: (error: unknown) => void;
  }> = [];
  private running = false;

  constructor(
    private readonly handle: (items: I[]) => Promise<Array<O | Error>>,
    private readonly maxBatch = 100,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const outcomes = await this.handle(batch.map(b => b.item));
        if (outcomes.length !== batch.length) {
          throw new Error(
            `batch handler returned ${outcomes.length} outcomes for ${batch.length} items`,
          );
        }
        batch.forEach((b, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) b.reject(outcome);
          else b.resolve(outcome);
        });
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.running = false;
  }
}
