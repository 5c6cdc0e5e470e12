import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ORGANISATION_SOA_REF } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { chunk, normalizeRef } from '../lib/db';

/** Refs per catalog request: one batched by-refs call per this many distinct refs. */
const REFS_PER_REQUEST = 500;
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

type MaybeRef = string | null | undefined;

/**
 * Which records a caller may read: every AIMS record concerns catalog entities (an AI system,
 * a Component), and a record follows the catalog's visibility of those entities for the
 * caller. The catalog is asked with the caller's credentials, so it applies the adopter's
 * `catalog.entity.read` decisions (conditional ones included).
 *
 * An entity is hidden from a caller when it is in the catalog but not visible to them. A ref
 * that names no catalog entity at all (a deleted component, an AI system a deployment report
 * named but nobody declared) hides nothing: there is nothing to judge it by, and compliance
 * still needs those records (the audit log outlives the entities). A record that concerns
 * several entities (a drift finding on a Component naming an AI system) is hidden when any
 * of them is: its evidence describes both.
 *
 * The organisation's Statement of Applicability (ORGANISATION_SOA_REF, no catalog entity) is
 * an organisation-wide document: every caller sees records on it.
 */
export class EntityVisibility {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /**
   * The refs among `refs` (normalised to lower case) that the caller can't see: one batched
   * by-refs request with the caller's credentials (minimal fields), and only for the refs it
   * did not return, one with the plugin's own credentials to tell "hidden" from "absent".
   */
  async hiddenAmong(
    refs: Iterable<MaybeRef>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const unique = [
      ...new Set(
        [...refs]
          .filter((r): r is string => !!r)
          .map(r => normalizeRef(r))
          .filter(r => r !== ORGANISATION_SOA_REF),
      ),
    ];
    const missing = await this.notReturned(unique, credentials);
    if (!missing.length) return new Set();
    const absent = new Set(
      await this.notReturned(
        missing,
        await this.auth.getOwnServiceCredentials(),
      ),
    );
    return new Set(missing.filter(r => !absent.has(r)));
  }

  /** Whether the caller can see every entity the record concerns. */
  async isVisible(
    refs: readonly MaybeRef[],
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return (await this.hiddenAmong(refs, credentials)).size === 0;
  }

  /** `NotFoundError(message)` unless the caller can see every entity the record concerns. */
  async assertVisible(
    refs: readonly MaybeRef[],
    credentials: BackstageCredentials,
    message: string,
  ): Promise<void> {
    if (!(await this.isVisible(refs, credentials))) {
      throw new NotFoundError(message);
    }
  }

  /** The records whose entities the caller can all see, in their order. */
  async filter<T>(
    records: readonly T[],
    refsOf: (record: T) => readonly MaybeRef[],
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    const hidden = await this.hiddenAmong(records.flatMap(refsOf), credentials);
    if (!hidden.size) return [...records];
    return records.filter(
      r => !refsOf(r).some(ref => !!ref && hidden.has(normalizeRef(ref))),
    );
  }

  private async notReturned(
    refs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const missing: string[] = [];
    for (const part of chunk(refs, REFS_PER_REQUEST)) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: part, fields: REF_FIELDS },
        { credentials },
      );
      part.forEach((ref, i) => {
        if (!items[i]) missing.push(ref);
      });
    }
    return missing;
  }
}

/**
 * Leaves out the rows whose `columns` hold one of the hidden refs (stored lower case, as
 * `hiddenAmong` returns them); a NULL column hides nothing. Applied in SQL, so paging and
 * counts only ever see what the caller may read.
 */
export function excludeHiddenRefs(
  query: Knex.QueryBuilder,
  columns: readonly string[],
  hidden: ReadonlySet<string>,
): Knex.QueryBuilder {
  const refs = [...hidden];
  for (const column of columns) {
    for (const part of chunk(refs)) {
      query.where(w => w.whereNull(column).orWhereNotIn(column, part));
    }
  }
  return query;
}
