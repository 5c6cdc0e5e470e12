import {
  ImpactAssessmentVersionFacts,
  summarizedVersions,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';

/**
 * Fills the AIMS tables the way a mature organisation would: every AI system with three
 * impact-assessment versions (v1 and v2 approved, v3 a draft revision) and ten risks. Direct
 * batch inserts: the benchmark measures reads, and seeding 65,000 rows through the HTTP API
 * (with per-write permission checks and finding recomputes) would take far longer than the
 * measurement. Column names follow plugins/aims-backend/migrations; a schema change fails here
 * loudly.
 */
export async function seedAssessmentsAndRisks(
  knex: Knex,
  aiSystems: number,
): Promise<{ versions: number; risks: number }> {
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const versions: Record<string, unknown>[] = [];
  const risks: Record<string, unknown>[] = [];
  for (let a = 0; a < aiSystems; a++) {
    const ref = `aisystem:default/ai-system-${a}`;
    for (const version of [1, 2, 3]) {
      const approved = version < 3;
      versions.push({
        ai_system_ref: ref,
        version,
        status: approved ? 'approved' : 'draft',
        revision: 1,
        content: JSON.stringify({
          intendedUse: `Synthetic assessment v${version}`,
        }),
        author: 'user:default/author',
        created_at: new Date(now - (400 - version * 100) * day),
        updated_at: new Date(now - (400 - version * 100) * day),
        approved_by: approved ? 'user:default/approver' : null,
        approved_at: approved
          ? new Date(now - (390 - version * 100) * day)
          : null,
        // v2's review date is past for every fifth system: some overdue, most current
        review_due: approved
          ? new Date(now + (a % 5 === 0 && version === 2 ? -10 : 200) * day)
          : null,
      });
    }
    for (let r = 0; r < 10; r++) {
      const inherent = { l: 1 + ((a + r) % 5), i: 1 + ((a * 3 + r) % 5) };
      const residual = { l: Math.max(1, inherent.l - 1), i: inherent.i };
      risks.push({
        id: `risk-${a}-${r}`,
        ai_system_ref: ref,
        title: `Risk ${r} of AI system ${a}`,
        description: 'Synthetic risk for benchmarking',
        inherent_likelihood: inherent.l,
        inherent_impact: inherent.i,
        inherent_score: inherent.l * inherent.i,
        residual_likelihood: residual.l,
        residual_impact: residual.i,
        residual_score: residual.l * residual.i,
        treatment: 'mitigate',
        actions: JSON.stringify([
          {
            description: 'Act',
            owner: 'group:default/team-0',
            dueDate: '2027-01-01',
            status: 'open',
          },
        ]),
        controls: JSON.stringify(['A.6.2.4']),
        risk_owner: 'user:default/risk-owner',
        status: 'open',
        next_action_due: '2027-01-01',
        revision: 1,
        created_by: 'user:default/author',
        created_at: new Date(now - 100 * day),
        updated_at: new Date(now - 100 * day),
      });
    }
  }
  await knex.batchInsert('aims_impact_assessments', versions as any[], 500);
  await knex.batchInsert(
    'aims_impact_assessment_summaries',
    summaryRows(versions) as any[],
    500,
  );
  await knex.batchInsert('aims_risks', risks as any[], 500);
  return { versions: versions.length, risks: risks.length };
}

/**
 * The per-system summary rows the store keeps in each version write's transaction (the newest
 * version and the newest approved one: summarizedVersions), for versions seeded directly.
 */
function summaryRows(versions: Record<string, any>[]) {
  const byRef = new Map<string, ImpactAssessmentVersionFacts[]>();
  for (const v of versions) {
    const list = byRef.get(v.ai_system_ref) ?? [];
    list.push({
      version: v.version,
      status: v.status,
      approvedAt: v.approved_at?.toISOString() ?? null,
      reviewDue: v.review_due?.toISOString() ?? null,
    });
    byRef.set(v.ai_system_ref, list);
  }
  return [...byRef].map(([ref, all]) => {
    const [newest, approved] = summarizedVersions(all);
    return {
      ai_system_ref: ref,
      newest_version: newest.version,
      newest_status: newest.status,
      newest_approved_at: newest.approvedAt,
      newest_review_due: newest.reviewDue,
      approved_version: approved?.version ?? null,
      approved_at: approved?.approvedAt ?? null,
      approved_review_due: approved?.reviewDue ?? null,
    };
  });
}

/**
 * Open compliance findings on every fifth AI system — an unsigned risk (high) and an
 * incomplete Statement of Applicability (medium) — so the inventory's finding counts read
 * real rows. Types the drift reconcile does not own, so it leaves them alone.
 */
export async function seedOpenFindings(
  knex: Knex,
  aiSystems: number,
): Promise<number> {
  const at = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  const rows: Record<string, unknown>[] = [];
  for (let a = 0; a < aiSystems; a += 5) {
    const ref = `aisystem:default/ai-system-${a}`;
    for (const [type, severity] of [
      ['risk-not-signed-off', 'high'],
      ['soa-incomplete', 'medium'],
    ]) {
      rows.push({
        finding_key: `${type}:${ref}`,
        type,
        entity_ref: ref,
        ai_system_ref: ref,
        environment: null,
        severity,
        status: 'open',
        first_seen_at: at,
        last_seen_at: at,
        evidence: JSON.stringify({ seeded: true }),
      });
    }
  }
  await knex.batchInsert('aims_findings', rows as any[], 500);
  return rows.length;
}
