import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * After record importers wrote at startup: waits (in the background) until the catalog has
 * every entity they wrote about — AI systems and components; before that, compliance findings
 * cannot be computed and drift would take known AI systems for undeclared ones — then runs
 * `reconcile` (compliance-findings recompute and drift reconcile) once, so the portal shows
 * the findings without waiting for the scheduled tasks. Gives up with a warning after
 * `attempts` polls (the scheduled tasks still run).
 */
export async function reconcileWhenCatalogReady(options: {
  refs: readonly string[];
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  reconcile: () => Promise<void>;
  isStopped?: () => boolean;
  intervalMs?: number;
  attempts?: number;
}): Promise<boolean> {
  const { refs, catalog, auth, logger } = options;
  const { intervalMs = 2000, attempts = 150 } = options;
  const stopped = options.isStopped ?? (() => false);
  for (let i = 0; i < attempts && !stopped(); i++) {
    try {
      const found = await catalog.getEntitiesByRefs(
        { entityRefs: [...refs], fields: ['kind', 'metadata.name'] },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      if (found.items.every(e => !!e)) {
        if (stopped()) return false;
        await options.reconcile();
        logger.info(
          'AIMS imported records reconciled (compliance findings and drift)',
        );
        return true;
      }
    } catch (e) {
      logger.debug(
        `AIMS imported records: catalog not ready (${(e as Error).message})`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
  if (!stopped()) {
    logger.warn(
      'AIMS imported records: the catalog does not have every AI system and component the importers wrote about; findings follow with the scheduled tasks',
    );
  }
  return false;
}
