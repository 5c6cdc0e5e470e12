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
    getBaseUrl: jest.fn(
      async (pluginId: string) => `http://backstage:7007/api/${pluginId}`,
    ),
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
    expect(url.origin + url.pathname).toBe(
      'http://backstage:7007/api/aims/inventory',
    );
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
    expect((calls[0].init?.headers as Record<string, string>).Accept).toBe(
      'text/csv',
    );
  });

  it('GETs /status/:kind/:namespace/:name from a ref string or a compound ref', async () => {
    const status = { entityRef: 'aisystem:default/fraud-scorer' };
    const { client, calls } = setup([
      fakeResponse(200, JSON.stringify(status)),
      fakeResponse(200, JSON.stringify(status)),
      fakeResponse(200, JSON.stringify(status)),
    ]);
    await expect(
      client.getStatus('AISystem:default/fraud-scorer'),
    ).resolves.toEqual(status);
    await client.getStatus({
      kind: 'Component',
      namespace: 'ops',
      name: 'payments api',
    });
    await client.getStatus('component:payments-api');
    expect(calls.map(c => c.url)).toEqual([
      'http://backstage:7007/api/aims/status/aisystem/default/fraud-scorer',
      'http://backstage:7007/api/aims/status/component/ops/payments%20api',
      'http://backstage:7007/api/aims/status/component/default/payments-api',
    ]);
  });

  it('GETs /monitoring/:kind/:namespace/:name with the range and the selection set', async () => {
    const overview = {
      aiSystemRef: 'aisystem:default/fraud-scorer',
      days: 90,
      from: '2026-01-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
      metrics: [],
    };
    const { client, calls } = setup([
      fakeResponse(200, JSON.stringify(overview)),
      fakeResponse(200, JSON.stringify(overview)),
    ]);
    await expect(
      client.getMonitoring('AISystem:default/fraud-scorer', {
        days: 90,
        slice: 'eu',
        environment: 'production',
      }),
    ).resolves.toEqual(overview);
    await client.getMonitoring('aisystem:fraud-scorer');
    const [first, second] = calls.map(c => new URL(c.url));
    expect(first.pathname).toBe(
      '/api/aims/monitoring/aisystem/default/fraud-scorer',
    );
    expect(Object.fromEntries(first.searchParams)).toEqual({
      days: '90',
      slice: 'eu',
      environment: 'production',
    });
    expect(second.search).toBe('');
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

    const notFound = await client
      .getStatus('aisystem:default/nope')
      .catch(e => e);
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

  describe('impact assessments', () => {
    const version = {
      aiSystemRef: 'aisystem:default/credit-risk-scorer',
      version: 2,
      revision: 7,
    };

    it('GETs the overview and a version under /impact-assessments/:kind/:namespace/:name', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify({ latest: null })),
        fakeResponse(200, JSON.stringify(version)),
      ]);
      await expect(
        client.getImpactAssessment('AISystem:default/credit-risk-scorer'),
      ).resolves.toEqual({ latest: null });
      await expect(
        client.getImpactAssessmentVersion('aisystem:ops/a b', 2),
      ).resolves.toEqual(version);
      expect(calls.map(c => c.url)).toEqual([
        'http://backstage:7007/api/aims/impact-assessments/aisystem/default/credit-risk-scorer',
        'http://backstage:7007/api/aims/impact-assessments/aisystem/ops/a%20b/versions/2',
      ]);
      expect(calls[0].init?.method).toBe('GET');
    });

    it('PUTs a draft with content and revision as JSON', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify(version)),
      ]);
      const content = { intendedUse: 'x' } as any;
      await expect(
        client.saveImpactAssessmentDraft(
          'aisystem:default/credit-risk-scorer',
          { content, revision: 7 },
        ),
      ).resolves.toEqual(version);
      expect(calls[0].url).toBe(
        'http://backstage:7007/api/aims/impact-assessments/aisystem/default/credit-risk-scorer/draft',
      );
      expect(calls[0].init?.method).toBe('PUT');
      expect(
        (calls[0].init?.headers as Record<string, string>)['Content-Type'],
      ).toBe('application/json');
      expect(JSON.parse(String(calls[0].init?.body))).toEqual({
        content,
        revision: 7,
      });
    });

    it('POSTs transitions and imports', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify(version)),
        fakeResponse(200, JSON.stringify(version)),
      ]);
      await client.transitionImpactAssessment('aisystem:default/x', {
        action: 'return',
        revision: 3,
        reason: 'Fill in fairness',
      });
      await client.importImpactAssessment('aisystem:default/x');
      expect(calls.map(c => [c.init?.method, c.url])).toEqual([
        [
          'POST',
          'http://backstage:7007/api/aims/impact-assessments/aisystem/default/x/transitions',
        ],
        [
          'POST',
          'http://backstage:7007/api/aims/impact-assessments/aisystem/default/x/import',
        ],
      ]);
      expect(JSON.parse(String(calls[0].init?.body))).toEqual({
        action: 'return',
        revision: 3,
        reason: 'Fill in fairness',
      });
    });

    it('raises a ResponseError with status 409 for a stale revision', async () => {
      const { client } = setup([
        fakeResponse(
          409,
          JSON.stringify({
            error: { name: 'ConflictError', message: 'stale revision' },
            response: { statusCode: 409 },
          }),
        ),
      ]);
      const e = await client
        .saveImpactAssessmentDraft('aisystem:default/x', {
          content: {} as any,
          revision: 1,
        })
        .catch(err => err);
      expect(ResponseError.is(e)).toBe(true);
      expect(e.statusCode).toBe(409);
      expect(e.cause.message).toBe('stale revision');
    });
  });

  describe('risks, findings and audit', () => {
    const input = {
      title: 'Bias',
      description: 'd',
      inherent: { likelihood: 4, impact: 4 },
      residual: { likelihood: 2, impact: 3 },
      treatment: 'mitigate' as const,
      actions: [],
      controls: ['A.6.2.4'],
      riskOwner: 'user:default/ana',
    };

    it('GETs /risks with set filters and CSV without paging', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify({ items: [], totalCount: 0 })),
        fakeResponse(200, 'id\n', 'text/csv'),
        fakeResponse(200, '{}'),
        fakeResponse(200, '{}'),
        fakeResponse(200, '{}'),
      ]);
      await client.getRisks({
        aiSystemRef: 'aisystem:default/x',
        band: 'high',
        needsSignOff: true,
        owner: '',
        limit: 20,
        offset: 0,
        orderBy: 'updatedAt',
        order: 'desc',
      });
      const url = new URL(calls[0].url);
      expect(url.pathname).toBe('/api/aims/risks');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        aiSystemRef: 'aisystem:default/x',
        band: 'high',
        needsSignOff: 'true',
        limit: '20',
        offset: '0',
        orderBy: 'updatedAt',
        order: 'desc',
      });
      await client.getRisksCsv({
        aiSystemRef: 'aisystem:default/x',
        limit: 5,
        offset: 5,
      });
      const csv = new URL(calls[1].url);
      expect(Object.fromEntries(csv.searchParams)).toEqual({
        aiSystemRef: 'aisystem:default/x',
        format: 'csv',
      });
      expect((calls[1].init?.headers as Record<string, string>).Accept).toBe(
        'text/csv',
      );

      await client.getRiskHeatMap('aisystem:default/x');
      await client.getRiskHeatMap();
      await client.getRiskMatrix();
      expect(calls.slice(2).map(c => c.url)).toEqual([
        'http://backstage:7007/api/aims/risks/heatmap?aiSystemRef=aisystem%3Adefault%2Fx',
        'http://backstage:7007/api/aims/risks/heatmap',
        'http://backstage:7007/api/aims/risks/matrix',
      ]);
    });

    it('POSTs, PUTs and signs off risks with the right bodies', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify({ id: 'r1' })),
        fakeResponse(200, JSON.stringify({ id: 'r1' })),
        fakeResponse(200, JSON.stringify({ id: 'r1' })),
      ]);
      await client.createRisk('aisystem:default/x', input);
      await client.updateRisk('r/1', input, 4);
      await client.signOffRisk('r1', 5);
      expect(calls.map(c => [c.init?.method, c.url])).toEqual([
        ['POST', 'http://backstage:7007/api/aims/risks'],
        ['PUT', 'http://backstage:7007/api/aims/risks/r%2F1'],
        ['POST', 'http://backstage:7007/api/aims/risks/r1/sign-off'],
      ]);
      expect(JSON.parse(String(calls[0].init?.body))).toEqual({
        aiSystemRef: 'aisystem:default/x',
        ...input,
      });
      expect(JSON.parse(String(calls[1].init?.body))).toEqual({
        ...input,
        revision: 4,
      });
      expect(JSON.parse(String(calls[2].init?.body))).toEqual({ revision: 5 });
    });

    it('GETs findings and audit events with their filters', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify({ items: [] })),
        fakeResponse(200, JSON.stringify({ items: [] })),
      ]);
      await client.getFindings({
        entityRef: 'aisystem:default/x',
        status: 'open',
      });
      await client.getAuditEvents({
        entityRef: 'aisystem:default/x',
        limit: 50,
      });
      expect(calls.map(c => c.url)).toEqual([
        'http://backstage:7007/api/aims/findings?entityRef=aisystem%3Adefault%2Fx&status=open',
        'http://backstage:7007/api/aims/audit?entityRef=aisystem%3Adefault%2Fx&limit=50',
      ]);
    });

    it('GETs one finding and the sources, POSTs finding actions', async () => {
      const { client, calls } = setup([
        fakeResponse(200, JSON.stringify({ id: '7', events: [] })),
        fakeResponse(200, JSON.stringify({ id: '7', events: [] })),
        fakeResponse(200, JSON.stringify({ items: [] })),
      ]);
      await client.getFinding('7');
      await client.actOnFinding('7', {
        action: 'snooze',
        reason: 'fix next sprint',
        until: '2099-01-31',
      });
      await expect(client.getSources()).resolves.toEqual({ items: [] });
      expect(calls.map(c => c.url)).toEqual([
        'http://backstage:7007/api/aims/findings/7',
        'http://backstage:7007/api/aims/findings/7/actions',
        'http://backstage:7007/api/aims/sources',
      ]);
      expect(calls[1].init?.method).toBe('POST');
      expect(JSON.parse(String(calls[1].init?.body))).toEqual({
        action: 'snooze',
        reason: 'fix next sprint',
        until: '2099-01-31',
      });
    });

    it('raises ResponseError for failed writes', async () => {
      const { client } = setup([
        fakeResponse(
          400,
          JSON.stringify({
            error: { name: 'InputError', message: 'title is required' },
            response: { statusCode: 400 },
          }),
        ),
      ]);
      const e = await client
        .createRisk('aisystem:default/x', input)
        .catch(err => err);
      expect(ResponseError.is(e)).toBe(true);
      expect(e.statusCode).toBe(400);
      expect(e.cause.message).toBe('title is required');
    });
  });

  describe('Statement of Applicability, evidence and system controls', () => {
    const ok = (body: unknown = {}) => fakeResponse(200, JSON.stringify(body));

    it('calls the spec paths with the methods, queries and bodies of the contract', async () => {
      const { client, calls } = setup(Array.from({ length: 12 }, () => ok()));
      await client.getSoa();
      await client.listSoaVersions();
      await client.getSoaVersion(3);
      await client.saveSoaControl('A.6.2.4', { revision: 2, applicable: true });
      await client.saveSoaAdditionalControl('ORG.1', {
        revision: 3,
        title: 'Model cards',
      });
      await client.deleteSoaAdditionalControl('ORG.1', 4);
      await client.transitionSoa({ action: 'submit', revision: 5 });
      await client.listEvidence({ expiringWithinDays: 30 });
      await client.createEvidence({
        controlId: 'A.6.2.4',
        title: 'Report',
        collectedAt: '2026-03-01',
      });
      await client.updateEvidence('ev 1', {
        revision: 2,
        title: 'Report',
        collectedAt: '2026-03-01',
      });
      await client.getSystemControls('AISystem:default/fraud-scorer');
      await client.saveSystemControl('aisystem:default/fraud-scorer', 'A.7.4', {
        revision: 0,
        applicable: true,
      });
      const base = 'http://backstage:7007/api/aims';
      expect(calls.map(c => `${c.init?.method} ${c.url}`)).toEqual([
        `GET ${base}/soa`,
        `GET ${base}/soa/versions`,
        `GET ${base}/soa/versions/3`,
        `PUT ${base}/soa/controls/A.6.2.4`,
        `PUT ${base}/soa/additional-controls/ORG.1`,
        `DELETE ${base}/soa/additional-controls/ORG.1?revision=4`,
        `POST ${base}/soa/transitions`,
        `GET ${base}/soa/evidence?expiringWithinDays=30`,
        `POST ${base}/soa/evidence`,
        `PUT ${base}/soa/evidence/ev%201`,
        `GET ${base}/controls/aisystem/default/fraud-scorer`,
        `PUT ${base}/controls/aisystem/default/fraud-scorer/A.7.4`,
      ]);
      expect(JSON.parse(String(calls[3].init?.body))).toEqual({
        revision: 2,
        applicable: true,
      });
      expect(JSON.parse(String(calls[6].init?.body))).toEqual({
        action: 'submit',
        revision: 5,
      });
    });

    it('downloads the CSV and OSCAL exports with their media types', async () => {
      const { client, calls } = setup([
        fakeResponse(200, 'controlId,title\n', 'text/csv'),
        fakeResponse(200, '{}', 'application/oscal+json'),
        fakeResponse(200, 'controlId\n', 'text/csv'),
      ]);
      expect(await (await client.getSoaExport('csv')).text()).toBe(
        'controlId,title\n',
      );
      await client.getSoaExport('oscal');
      await client.getSystemControlsExport('aisystem:default/x', 'csv');
      const base = 'http://backstage:7007/api/aims';
      expect(calls.map(c => c.url)).toEqual([
        `${base}/soa?format=csv`,
        `${base}/soa?format=oscal`,
        `${base}/controls/aisystem/default/x?format=csv`,
      ]);
      expect(
        calls.map(c => (c.init?.headers as Record<string, string>).Accept),
      ).toEqual(['text/csv', 'application/oscal+json', 'text/csv']);
    });

    it('raises a 409 ResponseError for a stale SoA revision', async () => {
      const { client } = setup([
        fakeResponse(
          409,
          JSON.stringify({
            error: { name: 'ConflictError', message: 'stale revision' },
            response: { statusCode: 409 },
          }),
        ),
      ]);
      const e = await client
        .saveSoaControl('A.6.2.4', { revision: 1 })
        .catch(err => err);
      expect(ResponseError.is(e)).toBe(true);
      expect(e.statusCode).toBe(409);
    });
  });
});
