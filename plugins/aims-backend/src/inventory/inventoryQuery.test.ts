import { InputError } from '@backstage/errors';
import { parseInventoryQuery, toCatalogFilter } from './inventoryQuery';

describe('parseInventoryQuery', () => {
  it('applies defaults', () => {
    expect(parseInventoryQuery({})).toEqual({
      owner: undefined,
      lifecycle: undefined,
      type: undefined,
      tier: undefined,
      status: undefined,
      q: undefined,
      limit: 50,
      offset: 0,
      format: 'json',
    });
    // CSV exports every row unless a limit is given
    expect(parseInventoryQuery({ format: 'csv' }).limit).toBeUndefined();
    expect(parseInventoryQuery({ format: 'csv', limit: 3 }).limit).toBe(3);
  });

  it('resolves the owner with default kind group and namespace default', () => {
    expect(parseInventoryQuery({ owner: 'risk-ml' }).owner).toBe(
      'group:default/risk-ml',
    );
    expect(parseInventoryQuery({ owner: 'User:Other/Jane' }).owner).toBe(
      'user:other/jane',
    );
  });

  it('trims text filters and drops empty ones', () => {
    expect(
      parseInventoryQuery({ q: '  fraud ', lifecycle: ' ' }),
    ).toMatchObject({
      q: 'fraud',
      lifecycle: undefined,
    });
  });

  it('rejects an owner that is not an entity ref, naming it', () => {
    expect(() => parseInventoryQuery({ owner: 'group:' })).toThrow(InputError);
    expect(() => parseInventoryQuery({ owner: 'group:' })).toThrow('owner');
  });
});

describe('toCatalogFilter', () => {
  it('pushes every catalog-side filter down', () => {
    expect(
      toCatalogFilter(
        parseInventoryQuery({
          owner: 'risk-ml',
          lifecycle: 'production',
          type: 'ml-model',
          tier: 'high-risk',
          q: 'fraud',
        }),
      ),
    ).toEqual({
      filter: {
        kind: 'aisystem',
        'relations.ownedBy': 'group:default/risk-ml',
        'spec.lifecycle': 'production',
        'spec.type': 'ml-model',
        'spec.euAiAct.tier': 'high-risk',
      },
      fullTextFilter: {
        term: 'fraud',
        fields: [
          'metadata.name',
          'metadata.title',
          'spec.purpose',
          'metadata.description',
        ],
      },
    });
  });

  it('matches a missing euAiAct block for tier unclassified', () => {
    expect(
      toCatalogFilter(parseInventoryQuery({ tier: 'unclassified' })),
    ).toEqual({
      filter: { kind: 'aisystem' },
      query: {
        $any: [
          { 'spec.euAiAct.tier': 'unclassified' },
          { $not: { 'spec.euAiAct.tier': { $exists: true } } },
        ],
      },
    });
  });
});
