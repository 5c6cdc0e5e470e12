import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ORGANISATION_SOA_REF } from '@aims-backstage/backstage-plugin-aims-common';
import { EntityVisibility } from './EntityVisibility';

const SECRET = 'aisystem:default/secret-model';
const OPEN = 'aisystem:default/open-model';
const PAY = 'component:default/payments-api';
const IN_CATALOG = [SECRET, OPEN, PAY];

const alice = mockCredentials.user('user:default/alice');
const outsider = mockCredentials.user('user:default/outsider');

/**
 * A catalog of three entities where the outsider can't see the secret model; it records the
 * refs of each by-refs request and whose credentials asked.
 */
function fakeCatalog() {
  const requests: Array<{ refs: string[]; who: string; fields?: string[] }> =
    [];
  const whoOf = (c: BackstageCredentials) => {
    const principal = c.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    return (
      (principal.type === 'user'
        ? principal.userEntityRef
        : principal.subject) ?? ''
    );
  };
  const catalog = {
    async getEntitiesByRefs(
      request: { entityRefs: string[]; fields?: string[] },
      options: { credentials: BackstageCredentials },
    ) {
      const who = whoOf(options.credentials);
      requests.push({ refs: request.entityRefs, who, fields: request.fields });
      return {
        items: request.entityRefs.map(ref => {
          const key = ref.toLocaleLowerCase('en-US');
          if (!IN_CATALOG.includes(key)) return undefined;
          if (key === SECRET && who === 'user:default/outsider')
            return undefined;
          return { apiVersion: 'v1', kind: key.split(':')[0], metadata: {} };
        }),
      };
    },
  } as unknown as CatalogService;
  return { catalog, requests };
}

describe('EntityVisibility', () => {
  const auth = mockServices.auth({ pluginId: 'aims' });

  it('hides entities that exist but the caller cannot see, not refs that name nothing', async () => {
    const { catalog } = fakeCatalog();
    const visibility = new EntityVisibility(catalog, auth);
    const refs = [SECRET, OPEN, 'aisystem:default/ghost', null, undefined];
    await expect(visibility.hiddenAmong(refs, outsider)).resolves.toEqual(
      new Set([SECRET]),
    );
    await expect(visibility.hiddenAmong(refs, alice)).resolves.toEqual(
      new Set(),
    );
  });

  it('asks once with the caller, and with its own credentials only about what the caller did not get', async () => {
    const { catalog, requests } = fakeCatalog();
    const visibility = new EntityVisibility(catalog, auth);
    await visibility.hiddenAmong(
      [SECRET, 'AISystem:default/Secret-Model', OPEN, PAY, 'x:default/ghost'],
      outsider,
    );
    expect(requests).toEqual([
      {
        refs: [SECRET, OPEN, PAY, 'x:default/ghost'],
        who: 'user:default/outsider',
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      {
        refs: [SECRET, 'x:default/ghost'],
        who: 'plugin:aims',
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
    ]);
    requests.length = 0;
    await visibility.hiddenAmong([OPEN, PAY], alice);
    expect(requests).toHaveLength(1);
    await visibility.hiddenAmong([], alice);
    expect(requests).toHaveLength(1);
  });

  it('treats the organisation SoA as visible to every caller, without asking the catalog', async () => {
    const { catalog, requests } = fakeCatalog();
    const visibility = new EntityVisibility(catalog, auth);
    await expect(
      visibility.hiddenAmong([ORGANISATION_SOA_REF, SECRET], outsider),
    ).resolves.toEqual(new Set([SECRET]));
    expect(requests.flatMap(r => r.refs)).not.toContain(ORGANISATION_SOA_REF);
    await expect(
      visibility.isVisible([ORGANISATION_SOA_REF], outsider),
    ).resolves.toBe(true);
  });

  it('batches many refs into a few requests', async () => {
    const { catalog, requests } = fakeCatalog();
    const visibility = new EntityVisibility(catalog, auth);
    const many = Array.from(
      { length: 1200 },
      (_, i) => `component:default/c${i}`,
    );
    await visibility.hiddenAmong(many, alice);
    // 3 requests of at most 500 with the caller, 3 to tell absent from hidden
    expect(requests.map(r => [r.who, r.refs.length])).toEqual([
      ['user:default/alice', 500],
      ['user:default/alice', 500],
      ['user:default/alice', 200],
      ['plugin:aims', 500],
      ['plugin:aims', 500],
      ['plugin:aims', 200],
    ]);
  });

  it('filters records concerning any hidden entity, keeping their order', async () => {
    const { catalog } = fakeCatalog();
    const visibility = new EntityVisibility(catalog, auth);
    const records = [
      { id: 1, on: PAY, about: SECRET },
      { id: 2, on: OPEN, about: null },
      { id: 3, on: SECRET, about: SECRET },
      { id: 4, on: PAY, about: 'aisystem:default/ghost' },
    ];
    const ids = async (credentials: BackstageCredentials) =>
      (await visibility.filter(records, r => [r.on, r.about], credentials)).map(
        r => r.id,
      );
    await expect(ids(outsider)).resolves.toEqual([2, 4]);
    await expect(ids(alice)).resolves.toEqual([1, 2, 3, 4]);
  });

  it('answers 404 for a record of a hidden entity', async () => {
    const { catalog } = fakeCatalog();
    const visibility = new EntityVisibility(catalog, auth);
    await expect(
      visibility.assertVisible([PAY, SECRET], outsider, 'No finding 7'),
    ).rejects.toMatchObject({ name: 'NotFoundError', message: 'No finding 7' });
    await expect(
      visibility.assertVisible([PAY, SECRET], alice, 'No finding 7'),
    ).resolves.toBeUndefined();
  });
});
