import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DriftQueueStore } from './DriftQueueStore';
import { migrate } from '../lib/migrate';
import { DriftQueue } from './DriftQueue';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())('DriftQueue on %s', databaseId => {
  let knex: Knex;
  let store: DriftQueueStore;
  const logger = mockServices.logger.mock();

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrate({ getClient: async () => knex });
    store = new DriftQueueStore(knex);
  });
  beforeEach(() => knex('aims_drift_queue').delete());

  const queue = (
    reconcile: (c: string[]) => Promise<unknown>,
    batchSize = 50,
  ) =>
    new DriftQueue({
      store,
      reconcile,
      logger,
      delayMs: 20,
      batchSize,
      leaseMs: 60_000,
    });

  it('turns a burst of kicks into one reconcile of every queued component', async () => {
    const calls: string[][] = [];
    const q = queue(async c => {
      calls.push([...c].sort());
    });
    await store.request(
      ['component:default/a', 'component:default/b'],
      new Date(),
    );
    q.kick();
    q.kick();
    await store.request(['component:default/c'], new Date());
    q.kick();
    await new Promise(r => setTimeout(r, 200));
    expect(calls).toEqual([
      ['component:default/a', 'component:default/b', 'component:default/c'],
    ]);
    expect(await store.size()).toBe(0);
    await q.stop();
  });

  it('drains in batches until nothing is claimable', async () => {
    const seen: string[] = [];
    const q = queue(async c => {
      seen.push(...c);
    }, 3);
    await store.request(
      Array.from({ length: 10 }, (_, i) => `component:default/s-${i}`),
      new Date(),
    );
    expect(await q.drain()).toBe(10);
    expect(seen).toHaveLength(10);
    expect(await store.size()).toBe(0);
  });

  it('keeps components queued and unleased when the reconcile fails', async () => {
    const q = queue(async () => {
      throw new Error('catalog unavailable');
    });
    await store.request(['component:default/a'], new Date());
    await expect(q.drain()).rejects.toThrow('catalog unavailable');
    const [row] = await knex('aims_drift_queue');
    expect(row).toMatchObject({
      component: 'component:default/a',
      lease_owner: null,
    });
    // the next pass (a kick or the scheduled task) picks it up
    const ok = queue(async () => undefined);
    expect(await ok.drain()).toBe(1);
  });

  it('lets no single component hold the others back', async () => {
    const reconciled: string[] = [];
    const q = queue(async c => {
      if (c.includes('component:default/poison'))
        throw new Error('cannot reconcile poison');
      reconciled.push(...c);
    });
    await store.request(
      [
        'component:default/a',
        'component:default/poison',
        'component:default/b',
      ],
      new Date(),
    );
    await expect(q.drain()).rejects.toThrow('cannot reconcile poison');
    expect(reconciled.sort()).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    const rows = await knex('aims_drift_queue');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      component: 'component:default/poison',
      lease_owner: null,
    });
  });

  it('stops kicking after stop() and waits for a pass in progress', async () => {
    let finished = false;
    const q = queue(async () => {
      await new Promise(r => setTimeout(r, 50));
      finished = true;
    });
    await store.request(['component:default/a'], new Date());
    const pass = q.drain();
    await q.stop();
    expect(finished).toBe(true);
    await pass;
    await store.request(['component:default/b'], new Date());
    q.kick();
    await new Promise(r => setTimeout(r, 100));
    expect(await store.size()).toBe(1);
  });
});
