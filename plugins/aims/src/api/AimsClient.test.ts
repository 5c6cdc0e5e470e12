import { ResponseError } from '@backstage/errors';
import { AimsClient } from './AimsClient';
import { fakeResponse } from '../testUtils/fixtures';

function setup(responses: Response[]) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchApi = {
    fetch: jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      const next = responses.shift();
      if (!next) throw new Error('unexpected fetch');
      return next;
    }),
  };
  const discoveryApi = {
    getBaseUrl: jest.fn(async (pluginId: string) => `http://backstage:7007/api/${pluginId}`),
  };
  const client = new AimsClient({ discoveryApi, fetchApi: fetchApi as any });
  return { client, calls, discoveryApi };
}

describe('AimsClient', () => {
  it('GETs /inventory with only the filters that are set, in a query string', async () => {
    const body = { items: [], totalCount: 0 };
    const { client, calls, discoveryApi } = setup([
      fakeResponse(200, JSON.stringify(body)),
      fakeResponse(200, JSON.stringify(body)),
    ]);

    await expect(
      client.getInventory({
        owner: 'group:default/risk-ml',
        lifecycle: 'production',
        tier: 'high-risk',
        type: '',
        status: 'missing',
        q: 'credit & loans',
        limit: 20,
        offset: 40,
      }),
    ).resolves.toEqual(body);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('aims');
    const url = new URL(calls[0].url);
    expect(url.origin + url.pathname).toBe('http://backstage:7007/api/aims/inventory');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      owner: 'group:default/risk-ml',
      lifecycle: 'production',
      tier: 'high-risk',
      status: 'missing',
      q: 'credit & loans',
      limit: '20',
      offset: '40',
    });

    await client.getInventory();
    expect(calls[1].url).toBe('http://backstage:7007/api/aims/inventory');
  });

  it('asks for CSV with the same filters and without paging', async () => {
    const { client, calls } = setup([
      fakeResponse(200, 'entityRef,title\n', 'text/csv'),
    ]);
    const blob = await client.getInventoryCsv({
      tier: 'high-risk',
      q: 'x',
      limit: 20,
      offset: 20,
    });
    expect(blob.type).toBe('text/csv');
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/api/aims/inventory');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tier: 'high-risk',
      q: 'x',
      format: 'csv',
    });
    expect((calls[0].init?.headers as Record<string, string>).Accept).toBe('text/csv');
  });

  it('GETs /status/:kind/:namespace/:name from a ref string or a compound ref', async () => {
    const status = { entityRef: 'aisystem:default/fraud-scorer' };
    const { client, calls } = setup([
      fakeResponse(200, JSON.stringify(status)),
      fakeResponse(200, JSON.stringify(status)),
      fakeResponse(200, JSON.stringify(status)),
    ]);
    await expect(client.getStatus('AISystem:default/fraud-scorer')).resolves.toEqual(status);
    await client.getStatus({ kind: 'Component', namespace: 'ops', name: 'payments api' });
    await client.getStatus('component:payments-api');
    expect(calls.map(c => c.url)).toEqual([
      'http://backstage:7007/api/aims/status/aisystem/default/fraud-scorer',
      'http://backstage:7007/api/aims/status/component/ops/payments%20api',
      'http://backstage:7007/api/aims/status/component/default/payments-api',
    ]);
  });

  it('raises ResponseError on non-2xx answers', async () => {
    const { client } = setup([
      fakeResponse(
        404,
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'no such entity' },
          response: { statusCode: 404 },
        }),
      ),
      fakeResponse(
        400,
        JSON.stringify({
          error: { name: 'InputError', message: 'tier must be one of …' },
          response: { statusCode: 400 },
        }),
      ),
      fakeResponse(500, 'boom', 'text/plain'),
    ]);

    const notFound = await client.getStatus('aisystem:default/nope').catch(e => e);
    expect(ResponseError.is(notFound)).toBe(true);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.cause.name).toBe('NotFoundError');

    const bad = await client.getInventory({ tier: 'high-risk' }).catch(e => e);
    expect(ResponseError.is(bad)).toBe(true);
    expect(bad.statusCode).toBe(400);
    expect(bad.cause.message).toBe('tier must be one of …');

    const csv = await client.getInventoryCsv().catch(e => e);
    expect(ResponseError.is(csv)).toBe(true);
    expect(csv.statusCode).toBe(500);
  });
});
