import { AimsApiClient, aimsApiPath, aimsApiQuery } from './client';

function recordingClient(answer: () => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const client = new AimsApiClient({
    baseUrl: async () => 'http://backstage:7007/api/aims/',
    fetch: async (url, init) => {
      calls.push({ url, init });
      return answer();
    },
  });
  return { client, calls };
}

describe('AimsApiClient', () => {
  it('fills path templates (encoded) and leaves unset query values out', () => {
    expect(aimsApiPath('/findings/{id}/actions', { id: 'a/b c' })).toBe(
      '/findings/a%2Fb%20c/actions',
    );
    expect(() => aimsApiPath('/findings/{id}', {})).toThrow(/id/);
    expect(
      aimsApiQuery({ a: 'x&y', b: '', c: undefined, d: null, e: 0, f: false }),
    ).toBe('?a=x%26y&e=0&f=false');
    expect(aimsApiQuery({})).toBe('');
  });

  it('sends the typed request and returns the answer as it came', async () => {
    const { client, calls } = recordingClient(
      () =>
        new Response(JSON.stringify({ items: [] }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const res = await client.request('get', '/findings', {
      query: { entityRef: 'component:default/payments-api', limit: 10 },
    });
    expect(res.ok).toBe(true);
    const body = await res.json();
    expect(body.items).toEqual([]);
    expect(calls[0].url).toBe(
      'http://backstage:7007/api/aims/findings?entityRef=component%3Adefault%2Fpayments-api&limit=10',
    );
    expect(calls[0].init).toMatchObject({
      method: 'GET',
      headers: { Accept: 'application/json' },
    });
    expect(calls[0].init.body).toBeUndefined();
  });

  it('sends JSON bodies with headers, and error answers unread', async () => {
    const { client, calls } = recordingClient(
      () => new Response('{"error":{"name":"InputError"}}', { status: 400 }),
    );
    const report = {
      id: 'gh-1',
      component: 'payments-api',
      environment: 'production',
      deployedAt: '2026-11-20T10:00:00Z',
    };
    const res = await client.request('post', '/deployments', {
      query: { wait: true },
      body: report,
      headers: { Authorization: 'Bearer t' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"error":{"name":"InputError"}}');
    expect(calls[0].url).toBe(
      'http://backstage:7007/api/aims/deployments?wait=true',
    );
    expect(calls[0].init).toMatchObject({
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: 'Bearer t',
      },
    });
    expect(JSON.parse(String(calls[0].init.body))).toEqual(report);
  });

  it('is typed by the spec: unknown paths, missing path parameters and wrong bodies do not compile', async () => {
    const { client } = recordingClient(() => new Response('{}'));
    // @ts-expect-error not a path of the API
    await client.request('get', '/nowhere', {});
    await expect(
      // @ts-expect-error the path parameter id is required
      client.request('get', '/findings/{id}', {}),
    ).rejects.toThrow('path parameter id');
    await client.request('post', '/findings/{id}/actions', {
      path: { id: '1' },
      // @ts-expect-error not one of the finding actions
      body: { action: 'ignore', reason: 'r' },
    });
    // @ts-expect-error GET /inventory has no tier "risky"
    await client.request('get', '/inventory', { query: { tier: 'risky' } });
  });
});
