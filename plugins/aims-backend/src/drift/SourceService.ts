import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { SourceState, SourceStore } from './SourceStore';

/**
 * `GET /sources` as a caller: each deployment source's health, its observation count over
 * the components and AI systems the caller can see in the catalog.
 */
export class SourceService {
  constructor(
    private readonly store: SourceStore,
    private readonly visibility: EntityVisibility,
  ) {}

  async list(
    now: Date,
    credentials: BackstageCredentials,
  ): Promise<SourceState[]> {
    return this.store.list(now, refs =>
      this.visibility.hiddenAmong(refs, credentials),
    );
  }
}
