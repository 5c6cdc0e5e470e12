import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuditEvent } from '@aims-backstage/backstage-plugin-aims-common';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { AuditLogStore } from './AuditLogStore';

/**
 * `GET /audit` as a caller: events about entities the caller can't see in the catalog are
 * left out (asked in one batched catalog request, applied in SQL so `limit` and `before`
 * page over what the caller may read).
 */
export class AuditLogService {
  constructor(
    private readonly store: AuditLogStore,
    private readonly visibility: EntityVisibility,
  ) {}

  async list(
    options: { entityRef?: string; limit: number; before?: string },
    credentials: BackstageCredentials,
  ): Promise<AuditEvent[]> {
    const hidden = await this.visibility.hiddenAmong(
      await this.store.refsOf(options),
      credentials,
    );
    return this.store.list(options, hidden);
  }
}
