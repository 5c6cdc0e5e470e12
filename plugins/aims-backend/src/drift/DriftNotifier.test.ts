import { mockServices } from '@backstage/backend-test-utils';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  FindingSeverity,
  FindingType,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingChange } from '../findings/FindingStore';
import { DRIFT_DIGEST_OVER, DriftNotifier } from './DriftNotifier';

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: RELATION_OWNED_BY, targetRef: owner }],
});

const catalog = catalogServiceMock({
  entities: [
    component('pay-api', 'group:default/payments'),
    component('pay-worker', 'group:default/payments'),
    component('search-api', 'group:default/search'),
  ],
});

let n = 0;
const change = (
  entity: string,
  severity: FindingSeverity,
  kind: FindingChange['change'] = 'opened',
  type: FindingType = 'version-mismatch',
): FindingChange => {
  n += 1;
  return {
    change: kind,
    id: String(n),
    draft: {
      key: `${type}|production|aisystem:default/model-${n}|component:default/${entity}`,
      type,
      entityRef: `component:default/${entity}`,
      aiSystemRef: `aisystem:default/model-${n}`,
      environment: 'production',
      severity,
      evidence: {},
    },
    ...(kind === 'severity-raised' ? { previousSeverity: 'low' } : {}),
  };
};

function setup(fail = false) {
  const sent: NotificationSendOptions[] = [];
  const notifications: NotificationService = {
    async send(options) {
      if (fail) throw new Error('notifications backend down');
      sent.push(options);
    },
  };
  const logger = mockServices.logger.mock();
  const notifier = new DriftNotifier(
    notifications,
    catalog,
    mockServices.auth(),
    logger,
  );
  return { notifier, sent, logger };
}

describe('DriftNotifier', () => {
  it(`sends one notification per change, in place by finding key, up to ${DRIFT_DIGEST_OVER} for the same owners`, async () => {
    const { notifier, sent } = setup();
    const changes = [
      change('pay-api', 'medium'),
      change('pay-worker', 'high', 'severity-raised'),
      change('pay-api', 'low', 'reopened'),
    ];
    await notifier.notify(changes);
    expect(sent).toHaveLength(3);
    expect(sent.map(s => s.payload.scope)).toEqual(
      changes.map(c => c.draft.key),
    );
    expect(sent[0]).toEqual({
      recipients: { type: 'entity', entityRef: ['group:default/payments'] },
      payload: {
        title: 'Drift: pay-api runs another version than declared (production)',
        description: `version-mismatch on component:default/pay-api for ${changes[0].draft.aiSystemRef} in production: severity medium.`,
        link: '/catalog/default/component/pay-api',
        severity: 'normal',
        topic: 'aims-drift:version-mismatch',
        scope: changes[0].draft.key,
      },
    });
    expect(sent[1].payload.title).toMatch(/^Drift now high \(was low\): /);
    expect(sent[2].payload.title).toMatch(/^Drift again: /);
  });

  it('sends one digest per owners when a pass changes more, naming the worst severity', async () => {
    const { notifier, sent } = setup();
    const payments = [
      change('pay-api', 'medium'),
      change('pay-worker', 'critical', 'opened', 'undeclared-ai-usage'),
      change('pay-api', 'low', 'reopened'),
      change('pay-worker', 'high', 'severity-raised'),
      change('pay-api', 'medium'),
      change('pay-api', 'low'),
      change('pay-worker', 'low'),
    ];
    const search = change('search-api', 'high');
    await notifier.notify([
      ...payments.slice(0, 3),
      search,
      ...payments.slice(3),
    ]);

    expect(sent).toHaveLength(2);
    const digest = sent.find(
      s =>
        s.recipients.type === 'entity' &&
        s.recipients.entityRef[0] === 'group:default/payments',
    )!;
    expect(digest.payload).toEqual({
      title: 'Drift: 7 findings changed on 2 components',
      description:
        'pay-api runs another version than declared (production, medium); ' +
        'pay-worker uses AI that no AISystem declares (production, critical); ' +
        'pay-api runs another version than declared (production, low, again); ' +
        'pay-worker runs another version than declared (production, high, was low); ' +
        'pay-api runs another version than declared (production, medium); and 2 more.',
      link: `/ai-inventory?owner=${encodeURIComponent(
        'group:default/payments',
      )}`,
      severity: 'critical',
      topic: 'aims-drift:digest',
    });
    // the other owners' single change is still its own, in place
    const other = sent.find(s => s !== digest)!;
    expect(other.recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/search'],
    });
    expect(other.payload.scope).toBe(search.draft.key);
  });

  it('links a digest about one component to that component', async () => {
    const { notifier, sent } = setup();
    await notifier.notify(
      Array.from({ length: DRIFT_DIGEST_OVER + 1 }, () =>
        change('search-api', 'low'),
      ),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({
      title: `Drift: ${DRIFT_DIGEST_OVER + 1} findings changed on search-api`,
      link: '/catalog/default/component/search-api',
      severity: 'low',
    });
    expect(sent[0].payload.description).not.toContain('more');
  });

  it('tells nobody about components without owners, and never fails the caller', async () => {
    const quiet = setup();
    await quiet.notifier.notify([change('unknown-api', 'critical')]);
    expect(quiet.sent).toEqual([]);

    const down = setup(true);
    await expect(
      down.notifier.notify([change('pay-api', 'high')]),
    ).resolves.toBeUndefined();
    expect(down.logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('notifications backend down'),
    );
  });
});
