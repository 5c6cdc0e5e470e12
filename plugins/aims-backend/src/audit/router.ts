import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, optionalRef, signedIn } from '../lib/http';
import { AuditLogService } from './AuditLogService';

/** Audit events read by default (the spec caps `limit` at 1000). */
const DEFAULT_AUDIT_LIMIT = 100;

/** `GET /audit`: the append-only audit log, newest first, read only, one page at a time. */
export function registerAuditRoutes(
  router: AimsRouter,
  deps: { httpAuth: HttpAuthService; auditLog: AuditLogService },
) {
  const { httpAuth, auditLog } = deps;

  router.get('/audit', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const q = req.query;
    res.json(
      await auditLog.list(
        {
          entityRef: optionalRef(q.entityRef, 'entityRef', 'aisystem'),
          limit: q.limit ?? DEFAULT_AUDIT_LIMIT,
          before: q.before,
        },
        credentials,
      ),
    );
  });
}
