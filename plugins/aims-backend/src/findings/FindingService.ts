import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { FindingFilter, FindingStore, StoredFinding } from './FindingStore';
import { FindingEvent } from './FindingEventStore';

/** A finding with its event history (`GET /findings/:id`). */
export type FindingDetails = StoredFinding & { events: FindingEvent[] };

/**
 * Reading findings as a caller: only findings whose entities (the one it is on, and the AI
 * system it names) the caller can see in the catalog.
 */
export class FindingService {
  constructor(
    private readonly store: FindingStore,
    private readonly visibility: EntityVisibility,
  ) {}

  /**
   * `GET /findings`: the entities the matching findings concern are asked about in one
   * batched catalog request, and hidden ones are left out in SQL, so `limit` counts only
   * findings the caller may read.
   */
  async list(
    filter: FindingFilter & { limit: number },
    credentials: BackstageCredentials,
  ): Promise<StoredFinding[]> {
    const hidden = await this.visibility.hiddenAmong(
      await this.store.refsOf(filter),
      credentials,
    );
    return this.store.list(filter, hidden);
  }

  /** A finding the caller may read, or undefined (unknown and hidden look the same). */
  async find(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredFinding | undefined> {
    const finding = await this.store.get(id);
    if (
      !finding ||
      !(await this.visibility.isVisible(
        [finding.entityRef, finding.aiSystemRef],
        credentials,
      ))
    ) {
      return undefined;
    }
    return finding;
  }

  /** `GET /findings/:id`: the finding and its event history; 404 when unknown or hidden. */
  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<FindingDetails> {
    const finding = await this.find(id, credentials);
    if (!finding) throw new NotFoundError(`No finding ${id}`);
    return { ...finding, events: await this.store.events.list(id) };
  }
}
