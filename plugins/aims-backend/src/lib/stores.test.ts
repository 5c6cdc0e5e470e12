import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DriftQueueStore } from '../drift/DriftQueueStore';
import { FindingStore } from '../findings/FindingStore';
import { ObservationStore } from '../drift/ObservationStore';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { migrate } from './migrate';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-06-01T12:00:00Z');
const clock = () => now;

describe.each(databases.eachSupportedId())('stores on %s', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrate({ getClient: async () => knex });
  });

  it('skips migrations when told to', async () => {
    const other = await databases.init(databaseId);
    await migrate({ getClient: async () => other, migrations: { skip: true } });
    expect(await other.schema.hasTable('aims_findings')).toBe(false);
    await migrate({ getClient: async () => other });
    expect(await other.schema.hasTable('aims_findings')).toBe(true);
    expect(await other.schema.hasTable('aims_impact_assessments')).toBe(true);
  });

  describe('ImpactAssessmentStore', () => {
    const store = () => new ImpactAssessmentStore(knex, clock);

    it('summarises the latest version per ref, in batches larger than one IN list', async () => {
      const s = store();
      await s.insert({
        aiSystemRef: 'aisystem:default/a',
        version: 1,
        status: 'approved',
        approvedAt: new Date(now.getTime() - 300 * DAY),
        reviewDue: new Date(now.getTime() + DAY),
      });
      await s.insert({
        aiSystemRef: 'aisystem:default/a',
        version: 2,
        status: 'draft',
      });
      await s.insert({
        aiSystemRef: 'AISystem:default/b',
        version: 1,
        status: 'approved',
        approvedAt: new Date(now.getTime() - 400 * DAY),
        reviewDue: new Date(now.getTime() - DAY),
      });
      await s.insert({
        aiSystemRef: 'aisystem:default/c',
        version: 1,
        status: 'approved',
        approvedAt: new Date('2026-01-01T00:00:00Z'),
        reviewDue: new Date('2027-01-01T00:00:00Z'),
      });
      await s.insert({
        aiSystemRef: 'aisystem:default/d',
        version: 1,
        status: 'in-review',
      });

      // 1,200 refs: more than one chunk, and more than SQLite's old 999-variable limit
      const filler = Array.from(
        { length: 1200 },
        (_, i) => `aisystem:default/filler-${i}`,
      );
      const refs = [
        ...filler.slice(0, 700),
        'aisystem:default/a',
        'aisystem:default/b',
        'aisystem:default/c',
        'aisystem:default/d',
        'aisystem:default/none',
        ...filler.slice(700),
      ];
      const summaries = await s.getSummaries(refs);
      expect(summaries.size).toBe(refs.length);
      // the approved v1 stays in force while v2 is drafted
      expect(summaries.get('aisystem:default/a')).toEqual({
        status: 'approved',
        approvedAt: new Date(now.getTime() - 300 * DAY).toISOString(),
        reviewDue: new Date(now.getTime() + DAY).toISOString(),
      });
      expect(summaries.get('aisystem:default/b')?.status).toBe(
        'review-overdue',
      );
      expect(summaries.get('aisystem:default/c')).toEqual({
        status: 'approved',
        approvedAt: '2026-01-01T00:00:00.000Z',
        reviewDue: '2027-01-01T00:00:00.000Z',
      });
      expect(summaries.get('aisystem:default/d')?.status).toBe('in-review');
      expect(summaries.get('aisystem:default/none')?.status).toBe('missing');
      expect(summaries.get(filler[1100])?.status).toBe('missing');
      expect(await s.getSummaries([])).toEqual(new Map());
    });

    it('enforces one row per (ai_system_ref, version)', async () => {
      const error = await store()
        .insert({
          aiSystemRef: 'aisystem:default/a',
          version: 1,
          status: 'draft',
        })
        .then(
          () => undefined,
          e => e,
        );
      expect(String(error?.message ?? error)).toMatch(/unique/i);
    });
  });

  describe('FindingStore', () => {
    const store = () => new FindingStore(knex, clock);

    it('counts open and acknowledged findings on or about each ref, across chunks', async () => {
      const s = store();
      const base = { type: 'monitoring-stale' as const };
      await s.insert({
        ...base,
        findingKey: 'k1',
        entityRef: 'aisystem:default/a',
        aiSystemRef: 'aisystem:default/a',
        severity: 'critical',
        status: 'open',
      });
      await s.insert({
        ...base,
        findingKey: 'k2',
        entityRef: 'component:default/svc',
        aiSystemRef: 'aisystem:default/a',
        severity: 'high',
        status: 'acknowledged',
      });
      await s.insert({
        ...base,
        findingKey: 'k3',
        entityRef: 'aisystem:default/a',
        severity: 'medium',
        status: 'resolved',
      });
      await s.insert({
        ...base,
        findingKey: 'k4',
        entityRef: 'aisystem:default/a',
        severity: 'low',
        status: 'snoozed',
      });
      await s.insert({
        ...base,
        findingKey: 'k5',
        entityRef: 'aisystem:default/a',
        severity: 'low',
        status: 'risk-accepted',
      });
      await s.insert({
        ...base,
        findingKey: 'k6',
        entityRef: 'aisystem:default/b',
        severity: 'high',
        status: 'open',
      });
      await s.insert({
        ...base,
        findingKey: 'k7',
        entityRef: 'aisystem:default/b',
        severity: 'medium',
        status: 'open',
      });

      const filler = Array.from(
        { length: 600 },
        (_, i) => `aisystem:default/filler-${i}`,
      );
      // a and svc land in different chunks: k2 must count once for each
      const refs = [
        'aisystem:default/a',
        ...filler,
        'component:default/svc',
        'aisystem:default/b',
      ];
      const counts = await s.countOpen(refs);
      expect(counts.get('aisystem:default/a')).toEqual({
        open: 2,
        critical: 1,
        high: 1,
      });
      expect(counts.get('component:default/svc')).toEqual({
        open: 1,
        critical: 0,
        high: 1,
      });
      expect(counts.get('aisystem:default/b')).toEqual({
        open: 2,
        critical: 0,
        high: 1,
      });
      expect(counts.get(filler[0])).toEqual({ open: 0, critical: 0, high: 0 });

      const small = await s.countOpen([
        'aisystem:default/a',
        'component:default/svc',
      ]);
      expect(small.get('aisystem:default/a')).toEqual({
        open: 2,
        critical: 1,
        high: 1,
      });
      expect(small.get('component:default/svc')).toEqual({
        open: 1,
        critical: 0,
        high: 1,
      });
    });

    it('reconciles hundreds of findings in chunks without mixing rows up', async () => {
      let at = new Date('2026-06-02T00:00:00Z');
      const s = new FindingStore(knex, () => at);
      const types = ['version-mismatch' as const];
      const severities = ['low', 'medium', 'high', 'critical'] as const;
      const draft = (i: number, round: number) => ({
        key: `batch-${i}`,
        type: types[0],
        entityRef: `Component:default/svc-${i}`,
        aiSystemRef: `aisystem:default/sys-${i % 7}`,
        environment: i % 2 ? 'production' : 'staging',
        severity: severities[(i + round) % 4],
        evidence: { index: i, round },
      });
      // 250 new findings: more than one insert chunk
      const first = await s.reconcile({
        types,
        drafts: Array.from({ length: 250 }, (_, i) => draft(i, 0)),
      });
      expect(first.opened).toBe(250);
      expect(first.changes.filter(c => c.change === 'opened')).toHaveLength(
        250,
      );
      const rowsOf = async () =>
        new Map(
          (
            await knex('aims_findings')
              .where('finding_key', 'like', 'batch-%')
              .select('*')
          ).map((r: any) => [r.finding_key, r]),
        );
      let rows = await rowsOf();
      for (let i = 0; i < 250; i++) {
        const r = rows.get(`batch-${i}`);
        expect(r.entity_ref).toBe(`component:default/svc-${i}`);
        expect(r.ai_system_ref).toBe(`aisystem:default/sys-${i % 7}`);
        expect(r.severity).toBe(severities[i % 4]);
        expect(JSON.parse(r.evidence)).toEqual({ index: i, round: 0 });
        expect(r.status).toBe('open');
      }

      // round 1: 0-99 unchanged, 100-199 changed (severity +1 or evidence), 200-249 gone
      at = new Date('2026-06-03T00:00:00Z');
      const second = await s.reconcile({
        types,
        drafts: Array.from({ length: 200 }, (_, i) =>
          i < 100 ? draft(i, 0) : draft(i, 1),
        ),
      });
      expect(second.resolved).toBe(50);
      // a rise from critical wraps to low: not raised
      const raisedIds = second.changes
        .filter(c => c.change === 'severity-raised')
        .map(c => c.draft.key)
        .sort();
      expect(raisedIds).toEqual(
        Array.from({ length: 100 }, (_, k) => 100 + k)
          .filter(i => i % 4 !== 3)
          .map(i => `batch-${i}`)
          .sort(),
      );
      rows = await rowsOf();
      for (let i = 0; i < 250; i++) {
        const r = rows.get(`batch-${i}`);
        const round = i >= 100 && i < 200 ? 1 : 0;
        expect(r.severity).toBe(severities[(i + round) % 4]);
        expect(JSON.parse(r.evidence)).toEqual({ index: i, round });
        expect(r.status).toBe(i < 200 ? 'open' : 'resolved');
        expect(new Date(r.last_seen_at).getTime()).toBe(
          (i < 200 ? at : new Date('2026-06-02T00:00:00Z')).getTime(),
        );
        expect(new Date(r.first_seen_at).toISOString()).toBe(
          '2026-06-02T00:00:00.000Z',
        );
      }

      // round 2: the gone ones come back, once each
      at = new Date('2026-06-04T00:00:00Z');
      const third = await s.reconcile({
        types,
        drafts: Array.from({ length: 250 }, (_, i) =>
          i < 100 ? draft(i, 0) : draft(i, 1),
        ),
      });
      expect(third.reopened).toBe(50);
      expect(third.opened).toBe(0);
      rows = await rowsOf();
      for (let i = 200; i < 250; i++) {
        const r = rows.get(`batch-${i}`);
        expect(r.status).toBe('open');
        expect(Number(r.occurrences)).toBe(2);
        expect(JSON.parse(r.evidence)).toEqual({ index: i, round: 1 });
      }
      const events = await knex('aims_finding_events')
        .join(
          'aims_findings',
          'aims_findings.id',
          'aims_finding_events.finding_id',
        )
        .where('aims_findings.finding_key', 'like', 'batch-%')
        .select('aims_finding_events.action')
        .count({ n: '*' })
        .groupBy('aims_finding_events.action');
      expect(
        Object.fromEntries(events.map((e: any) => [e.action, Number(e.n)])),
      ).toEqual({
        opened: 250,
        'severity-raised': 75,
        resolved: 50,
        reopened: 50,
      });
    });

    it('keeps finding_key unique', async () => {
      const error = await store()
        .insert({
          type: 'monitoring-stale',
          findingKey: 'k1',
          entityRef: 'aisystem:default/x',
          severity: 'low',
          status: 'open',
        })
        .then(
          () => undefined,
          e => e,
        );
      expect(String(error?.message ?? error)).toMatch(/unique/i);
    });
  });

  describe('DriftQueueStore', () => {
    const A = 'component:default/a';
    const B = 'component:default/b';
    const C = 'component:default/c';

    it('leases queued components to one owner and completes only the requests it saw', async () => {
      const q = new DriftQueueStore(knex);
      await q.request([A, 'Component:default/A', B], now);
      expect(await q.size()).toBe(2);

      const first = await q.claim('one', now, 60_000, 10);
      expect(first.map(c => c.component).sort()).toEqual([A, B]);
      // held: another owner gets nothing until the lease expires
      expect(await q.claim('two', now, 60_000, 10)).toEqual([]);
      expect(
        (await q.claim('two', new Date(now.getTime() + 61_000), 60_000, 1))
          .length,
      ).toBe(1);
      await q.release('two');

      // a report for A arrives while `one` reconciles: A stays queued, B goes
      await q.request([A, C], now);
      await q.complete('one', first);
      const rest = await knex('aims_drift_queue').orderBy('component');
      expect(rest.map(r => [r.component, Number(r.requested_seq)])).toEqual([
        [A, 2],
        [C, 1],
      ]);
      expect(rest.every(r => r.lease_owner === null)).toBe(true);

      const second = await q.claim('two', now, 60_000, 1);
      expect(second).toHaveLength(1);
      await q.complete('two', second);
      const last = await q.claim('two', now, 60_000, 10);
      await q.complete('two', last);
      expect(await q.size()).toBe(0);
    });

    it('lets two owners racing for the same rows win disjoint sets', async () => {
      const q = new DriftQueueStore(knex);
      const refs = Array.from(
        { length: 40 },
        (_, i) => `component:default/race-${i}`,
      );
      await q.request(refs, now);
      const [x, y] = await Promise.all([
        q.claim('x', now, 60_000, 40),
        q.claim('y', now, 60_000, 40),
      ]);
      const xs = x.map(c => c.component);
      const ys = y.map(c => c.component);
      expect(xs.filter(r => ys.includes(r))).toEqual([]);
      expect([...xs, ...ys].sort()).toEqual([...refs].sort());
      await q.complete('x', x);
      await q.complete('y', y);
      expect(await q.size()).toBe(0);
    });
  });

  describe('ObservationStore.replaceScopes', () => {
    it('makes each scope exactly its observations, twice within one millisecond too', async () => {
      const s = new ObservationStore(knex);
      const obs = (
        component: string,
        environment: string,
        version: string,
      ) => ({
        sourceId: 'deployment-reports',
        component,
        environment,
        aiSystemRef: 'aisystem:default/x',
        model: 'm',
        version,
        observedAt: now.toISOString(),
      });
      const scope = (
        component: string,
        environment: string,
        versions: string[],
      ) => ({
        component,
        environment,
        observations: versions.map(v => obs(component, environment, v)),
      });
      const P = 'component:default/p';
      await knex.transaction(trx =>
        s.replaceScopes(
          'deployment-reports',
          [scope(P, 'production', ['1', '2']), scope(P, 'staging', ['1'])],
          now,
          trx,
        ),
      );
      // same run time: the replaced scope still loses the version it no longer reports
      await knex.transaction(trx =>
        s.replaceScopes(
          'deployment-reports',
          [scope(P, 'production', ['2'])],
          now,
          trx,
        ),
      );
      const rows = await knex('aims_observations')
        .where({ component: P })
        .orderBy(['environment', 'version']);
      expect(rows.map(r => [r.environment, r.version])).toEqual([
        ['production', '2'],
        ['staging', '1'],
      ]);
      await knex.transaction(trx =>
        s.replaceScopes(
          'deployment-reports',
          [scope(P, 'production', [])],
          now,
          trx,
        ),
      );
      expect(
        await knex('aims_observations').where({
          component: P,
          environment: 'production',
        }),
      ).toEqual([]);
    });
  });
});
