import {
  inventorySliceFromParams,
  inventorySliceToParams,
  toQuery,
} from './filters';

describe('inventory filters in the URL', () => {
  it('reads filters and the one-based page a link carries, and writes them back the same', () => {
    const params = new URLSearchParams(
      'owner=group:default/risk-ml&tier=high-risk&status=missing&monitoring=breached&q=fraud&page=3&size=50',
    );
    const slice = inventorySliceFromParams(params);
    expect(slice).toEqual({
      filters: {
        owner: 'group:default/risk-ml',
        tier: 'high-risk',
        status: 'missing',
        monitoring: 'breached',
        q: 'fraud',
      },
      page: 2,
      pageSize: 50,
    });
    expect(inventorySliceFromParams(inventorySliceToParams(slice))).toEqual(
      slice,
    );
  });

  it('ignores what it does not know (an outdated or hand-edited link still opens)', () => {
    expect(
      inventorySliceFromParams(
        new URLSearchParams(
          'tier=scary&status=lost&monitoring=maybe&page=-1&size=7&q=%20%20&tab=inventory',
        ),
      ),
    ).toEqual({ filters: {}, page: 0, pageSize: 20 });
    expect(inventorySliceFromParams(new URLSearchParams('page=1.5')).page).toBe(
      0,
    );
  });

  it('leaves defaults out of the URL', () => {
    expect(
      inventorySliceToParams({
        filters: { owner: '', lifecycle: 'production' },
        page: 0,
        pageSize: 20,
      }).toString(),
    ).toBe('lifecycle=production');
    expect(toQuery({ q: 'x', tier: undefined })).toEqual({ q: 'x' });
  });
});
