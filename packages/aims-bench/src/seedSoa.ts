import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  ANNEX_A_CATALOGUE,
  ANNEX_A_CONTROLS,
  normalizeSoaControls,
} from '@aims-backstage/backstage-plugin-aims-common';

/**
 * The Statement of Applicability at the size the issue names: an approved organisation SoA
 * (all 38 controls decided, two evidence items each), and every AI system with `controls`
 * mapped controls carrying `evidence` evidence items each — 5,000 × 20 × 3 = 300,000 evidence
 * rows by default — with a spread of states (expired, expiring within 30 days, in review).
 * Direct batch inserts into the tables of plugins/aims-backend/migrations (see seedAims.ts for
 * why); a schema change fails here loudly.
 */
/** Every twelfth control excluded, every fourth in progress, the rest implemented. */
function orgStatus(i: number) {
  if (i % 12 === 5) return 'not-applicable' as const;
  return i % 4 === 0 ? ('in-progress' as const) : ('implemented' as const);
}

/** One in ten items expired, one in ten expiring within 30 days, the rest in 200 days. */
function expiresInDays(n: number): number {
  if (n % 10 === 0) return -5;
  return n % 10 === 1 ? 12 + (n % 15) : 200;
}

/** Expired as above, one in seven of the rest still in review, the others approved. */
function evidenceStatus(n: number) {
  if (n % 10 === 0) return 'expired';
  return n % 7 === 0 ? 'in-review' : 'approved';
}

export async function seedStatementOfApplicability(
  knex: Knex,
  options: { aiSystems: number; controls: number; evidence: number },
): Promise<{ mappings: number; evidence: number }> {
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const at = (days: number) => new Date(now + days * day);
  const rows = normalizeSoaControls(
    ANNEX_A_CONTROLS.map((c, i) => ({
      controlId: c.id,
      applicable: i % 12 !== 5,
      justification:
        i % 12 === 5 ? 'Out of scope for this organisation' : 'Needed',
      implementationStatus: orgStatus(i),
      reviewBy: i % 12 === 5 ? at(100).toISOString().slice(0, 10) : null,
      owner: 'group:default/team-0',
    })),
  );
  await knex('aims_soa_versions').insert({
    version: 1,
    status: 'approved',
    content: JSON.stringify({ controls: rows, additionalControls: [] }),
    catalogue: JSON.stringify(ANNEX_A_CATALOGUE),
    revision: 3,
    author: 'user:default/author',
    contributors: JSON.stringify(['user:default/author']),
    created_at: at(-100),
    updated_at: at(-90),
    submitted_by: 'user:default/author',
    submitted_at: at(-91),
    approved_by: 'user:default/approver',
    approved_at: at(-90),
  });
  const evidenceRow = (
    aiSystemRef: string | null,
    controlId: string,
    n: number,
  ) => ({
    id: randomUUID(),
    ai_system_ref: aiSystemRef,
    control_id: controlId,
    title: `Evidence ${n} of ${controlId}`,
    href: `https://evidence.example/${controlId}/${n}`,
    reference: null,
    collected_by: 'user:default/author',
    collected_at: at(-60),
    // one in ten expired, one in ten expiring within 30 days, the rest later
    expires_at: at(expiresInDays(n)),
    status: evidenceStatus(n),
    live: null,
    revision: 1,
    created_at: at(-60),
    updated_at: at(-60),
  });
  const evidence: Record<string, unknown>[] = [];
  let n = 0;
  for (const row of rows) {
    evidence.push(evidenceRow(null, row.controlId, n++));
    evidence.push(evidenceRow(null, row.controlId, n++));
  }
  const mappings: Record<string, unknown>[] = [];
  for (let a = 0; a < options.aiSystems; a++) {
    const ref = `aisystem:default/ai-system-${a}`;
    for (let c = 0; c < options.controls; c++) {
      const control = ANNEX_A_CONTROLS[(a + c) % ANNEX_A_CONTROLS.length];
      mappings.push({
        ai_system_ref: ref,
        control_id: control.id,
        applicable: true,
        how: 'Synthetic mapping',
        implementation_status: c % 3 === 0 ? 'in-progress' : 'implemented',
        owner: 'group:default/team-0',
        revision: 1,
        updated_by: 'user:default/author',
        updated_at: at(-60),
      });
      for (let e = 0; e < options.evidence; e++)
        evidence.push(evidenceRow(ref, control.id, n++));
    }
  }
  await knex.batchInsert('aims_control_mappings', mappings as any[], 500);
  await knex.batchInsert('aims_evidence', evidence as any[], 500);
  return { mappings: mappings.length, evidence: evidence.length };
}
