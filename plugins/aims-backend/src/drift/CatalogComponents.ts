import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeRef } from '../lib/db';
import { Batcher } from '../lib/Batcher';

/**
 * "Is this component in the catalog?" for deployment reports. Concurrent reports share one
 * catalog query; a component found is remembered for `ttlMs` (a report for a component
 * deleted from the catalog within that window is still accepted — its findings resolve on the
 * next full reconcile). Absence is never cached, so a newly registered component is accepted
 * at once.
 *
 * A component not remembered also starts, at most once per `ttlMs`, a background load of
 * every component's ref (one catalog query, when the catalog holds no more than
 * `maxEntries`): a pipeline deploying many services would otherwise pay a catalog round trip
 * for each service's first report in every window.
 */
export class CatalogComponents {
  private readonly known = new Map<string, number>();
  private readonly batcher: Batcher<string, boolean>;
  private loadedAt = -Infinity;
  private loading = false;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      clock?: () => number;
    } = { ttlMs: 60_000, maxEntries: 50_000 },
  ) {
    this.batcher = new Batcher(refs => this.lookup(refs), 200);
  }

  private now() {
    return this.options.clock ? this.options.clock() : Date.now();
  }

  async exists(ref: string): Promise<boolean> {
    const key = normalizeRef(ref);
    const until = this.known.get(key);
    if (until !== undefined && until > this.now()) return true;
    this.loadAllSoon();
    return this.batcher.submit(key);
  }

  private loadAllSoon() {
    if (this.loading || this.now() - this.loadedAt < this.options.ttlMs) return;
    this.loading = true;
    this.loadedAt = this.now();
    this.loadAll()
      .catch(() => {}) // an optimisation only: lookups by ref still answer
      .finally(() => {
        this.loading = false;
      });
  }

  private async loadAll() {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'component' },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    if (items.length > this.options.maxEntries) return;
    const until = this.now() + this.options.ttlMs;
    if (this.known.size + items.length > this.options.maxEntries)
      this.known.clear();
    for (const e of items) {
      this.known.set(
        normalizeRef(
          `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
        ),
        until,
      );
    }
  }

  private async lookup(refs: string[]): Promise<boolean[]> {
    const unique = [...new Set(refs)];
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: ['kind', 'metadata.name'] },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const found = new Set(unique.filter((_, i) => items[i]));
    const until = this.now() + this.options.ttlMs;
    if (this.known.size + found.size > this.options.maxEntries)
      this.known.clear(); // a bounded memo, not a store: start over when full
    for (const ref of found) this.known.set(ref, until);
    return refs.map(r => found.has(r));
  }
}
