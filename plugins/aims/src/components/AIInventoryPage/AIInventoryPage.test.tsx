import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { InventoryItem } from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  risk,
  FakeAimsApi,
  inventoryItem,
  responseError,
} from '../../testUtils/fixtures';
import { AIInventoryPage } from './AIInventoryPage';

// each select and search re-renders the 20-row table: slow in jsdom on a busy machine
jest.setTimeout(45000);

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

/** 25 systems: 3 missing assessments (high-risk), 2 drafts, the rest approved. */
function exampleItems(): InventoryItem[] {
  return Array.from({ length: 25 }, (_, i) => {
    const name = `system-${String(i + 1).padStart(2, '0')}`;
    if (i < 3) {
      return inventoryItem(name, {
        euAiActTier: 'high-risk',
        owner: 'group:default/claims',
        impactAssessment: {
          status: 'missing',
          approvedAt: null,
          reviewDue: null,
        },
        findings: { open: 2, critical: 1, high: 0 },
        controls: { applicable: 5, implementedWithEvidence: 2 },
      });
    }
    if (i < 5) {
      return inventoryItem(name, {
        type: 'llm-application',
        impactAssessment: {
          status: 'draft',
          approvedAt: null,
          reviewDue: null,
        },
      });
    }
    return inventoryItem(name);
  });
}

const catalogApi = {
  getEntityFacets: jest.fn(async () => ({
    facets: {
      'relations.ownedBy': [
        { value: 'group:default/claims', count: 3 },
        { value: 'group:default/risk-ml', count: 22 },
      ],
      'spec.lifecycle': [{ value: 'production', count: 25 }],
      'spec.type': [
        { value: 'ml-model', count: 23 },
        { value: 'llm-application', count: 2 },
      ],
    },
  })),
};

async function render(api: FakeAimsApi) {
  const result = await renderInTestApp(<AIInventoryPage />, {
    apis: [
      [aimsApiRef, api],
      [catalogApiRef, catalogApi as any],
    ],
    mountedRoutes,
  });
  await screen.findByRole('link', { name: 'system-01' });
  return result;
}

function tableCalls(api: FakeAimsApi) {
  return api.inventoryCalls;
}

async function chooseOption(testId: string, option: string) {
  fireEvent.mouseDown(screen.getByTestId(testId));
  const listbox = await screen.findByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
}

describe('AIInventoryPage', () => {
  it('renders the first page of the inventory with links to the entity pages', async () => {
    const api = new FakeAimsApi(exampleItems());
    await render(api);

    expect(screen.getByText('AI Inventory')).toBeInTheDocument();
    expect(screen.getByText('AI inventory (25)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'system-01' })).toHaveAttribute(
      'href',
      '/catalog/default/aisystem/system-01',
    );
    expect(screen.getByRole('link', { name: 'system-20' })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'system-21' }),
    ).not.toBeInTheDocument();

    const row = screen.getByRole('link', { name: 'system-01' }).closest('tr')!;
    expect(within(row).getByTestId('eu-ai-act-tier')).toHaveTextContent(
      'High risk',
    );
    expect(
      within(row).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Missing');
    expect(within(row).getByTestId('open-findings')).toHaveTextContent(
      '2 (1 critical)',
    );
    expect(within(row).getByTestId('controls')).toHaveTextContent(
      '2/5 evidenced',
    );

    expect(tableCalls(api)[0]).toEqual({ limit: 20, offset: 0 });

    // counts by status and tier
    expect(await screen.findByTestId('count-status-missing')).toHaveTextContent(
      'Missing: 3',
    );
    expect(screen.getByTestId('count-status-draft')).toHaveTextContent(
      'Draft: 2',
    );
    expect(screen.getByTestId('count-status-approved')).toHaveTextContent(
      'Approved: 20',
    );
    expect(screen.getByTestId('count-tier-high-risk')).toHaveTextContent(
      'High risk: 3',
    );
    expect(screen.getByTestId('count-tier-minimal-risk')).toHaveTextContent(
      'Minimal risk: 22',
    );
    // one counts request for the whole bar, with the current filters
    expect(api.countsCalls).toEqual([{}]);
  });

  it('opens the filters and the page a shared link carries', async () => {
    const api = new FakeAimsApi(exampleItems());
    await renderInTestApp(<AIInventoryPage />, {
      apis: [
        [aimsApiRef, api],
        [catalogApiRef, catalogApi as any],
      ],
      mountedRoutes,
      initialRouteEntries: ['/?lifecycle=production&page=2'],
    });
    await screen.findByRole('link', { name: 'system-21' });
    expect(tableCalls(api)[0]).toEqual({
      lifecycle: 'production',
      limit: 20,
      offset: 20,
    });
    expect(api.countsCalls[0]).toEqual({ lifecycle: 'production' });
    expect(
      screen.queryByRole('link', { name: 'system-01' }),
    ).not.toBeInTheDocument();
  });

  it('shows "Not required" for a retired system without an assessment, never a red "Missing"', async () => {
    const missing = {
      status: 'missing',
      approvedAt: null,
      reviewDue: null,
    } as const;
    const api = new FakeAimsApi([
      inventoryItem('system-01', {
        lifecycle: 'retired',
        impactAssessment: missing,
      }),
      inventoryItem('system-02', {
        lifecycle: 'production',
        impactAssessment: missing,
      }),
    ]);
    await render(api);
    const old = screen.getByRole('link', { name: 'system-01' }).closest('tr')!;
    expect(
      within(old).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Not required');
    expect(within(old).getByTestId('impact-assessment-status')).toHaveAttribute(
      'data-value',
      'not-required',
    );
    const live = screen.getByRole('link', { name: 'system-02' }).closest('tr')!;
    expect(
      within(live).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Missing');
  });

  it('offers "Not required" (what the API answers for a retired system) as a count and a filter', async () => {
    const notRequired = {
      status: 'not-required',
      approvedAt: null,
      reviewDue: null,
    } as const;
    const api = new FakeAimsApi([
      inventoryItem('system-01', {
        lifecycle: 'retired',
        impactAssessment: notRequired,
      }),
      inventoryItem('system-02', {
        impactAssessment: {
          status: 'missing',
          approvedAt: null,
          reviewDue: null,
        },
      }),
    ]);
    await render(api);
    const old = screen.getByRole('link', { name: 'system-01' }).closest('tr')!;
    expect(
      within(old).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Not required');
    expect(
      await screen.findByTestId('count-status-not-required'),
    ).toHaveTextContent('Not required: 1');
    expect(screen.getByTestId('count-status-missing')).toHaveTextContent(
      'Missing: 1',
    );

    fireEvent.click(screen.getByTestId('count-status-not-required'));
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        status: 'not-required',
        limit: 20,
        offset: 0,
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'system-02' }),
      ).not.toBeInTheDocument(),
    );

    fireEvent.click(screen.getByTestId('count-status-not-required'));
    await chooseOption('filter-status', 'Not required');
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        status: 'not-required',
        limit: 20,
        offset: 0,
      }),
    );
  });

  it('pages on the server', async () => {
    const api = new FakeAimsApi(exampleItems());
    await render(api);
    fireEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(
      await screen.findByRole('link', { name: 'system-21' }),
    ).toBeInTheDocument();
    expect(tableCalls(api).at(-1)).toEqual({ limit: 20, offset: 20 });
    expect(
      screen.queryByRole('link', { name: 'system-01' }),
    ).not.toBeInTheDocument();
  });

  it('filters by a clicked count, and clicking it again clears the filter', async () => {
    const api = new FakeAimsApi(exampleItems());
    await render(api);
    fireEvent.click(await screen.findByTestId('count-status-missing'));
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'system-04' }),
      ).not.toBeInTheDocument(),
    );
    expect(tableCalls(api).at(-1)).toEqual({
      status: 'missing',
      limit: 20,
      offset: 0,
    });
    expect(await screen.findByText('AI inventory (3)')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('count-tier-high-risk'));
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        status: 'missing',
        tier: 'high-risk',
        limit: 20,
        offset: 0,
      }),
    );

    fireEvent.click(screen.getByTestId('count-status-missing'));
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        tier: 'high-risk',
        limit: 20,
        offset: 0,
      }),
    );
  });

  it('passes the select filters and the search text to the API', async () => {
    const api = new FakeAimsApi(exampleItems());
    await render(api);

    await chooseOption('filter-tier', 'High risk');
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        tier: 'high-risk',
        limit: 20,
        offset: 0,
      }),
    );

    await chooseOption('filter-owner', 'claims');
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        tier: 'high-risk',
        owner: 'group:default/claims',
        limit: 20,
        offset: 0,
      }),
    );

    await chooseOption('filter-tier', 'Any');
    await chooseOption('filter-type', 'llm-application');
    await chooseOption('filter-lifecycle', 'production');
    await chooseOption('filter-owner', 'Any');
    await chooseOption('filter-status', 'Draft');
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        type: 'llm-application',
        lifecycle: 'production',
        status: 'draft',
        limit: 20,
        offset: 0,
      }),
    );
    expect(await screen.findByText('AI inventory (2)')).toBeInTheDocument();

    await userEvent.type(screen.getByTestId('filter-q'), 'system-05');
    await waitFor(() => expect(tableCalls(api).at(-1)?.q).toBe('system-05'));
    expect(await screen.findByText('AI inventory (1)')).toBeInTheDocument();
  });

  it("shows each system's monitoring and filters by it", async () => {
    const items = exampleItems();
    items[0] = {
      ...items[0],
      monitoring: { status: 'breached', metrics: 2, breached: 1, stale: 0 },
    };
    items[1] = {
      ...items[1],
      monitoring: { status: 'ok', metrics: 1, breached: 0, stale: 0 },
    };
    items[2] = {
      ...items[2],
      monitoring: {
        status: 'not-monitored',
        metrics: 0,
        breached: 0,
        stale: 0,
      },
    };
    const api = new FakeAimsApi(items);
    await render(api);

    const cell = (name: string) =>
      within(screen.getByRole('link', { name }).closest('tr')!).getByTestId(
        'monitoring-summary',
      );
    expect(cell('system-01')).toHaveAttribute('data-value', 'breached');
    expect(cell('system-01')).toHaveTextContent('Breached');
    expect(cell('system-02')).toHaveTextContent('OK');
    expect(cell('system-03')).toHaveTextContent('Not monitored');
    // an older backend sends no summary
    expect(cell('system-04')).toHaveTextContent('—');

    await chooseOption('filter-monitoring', 'Breached');
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({
        monitoring: 'breached',
        limit: 20,
        offset: 0,
      }),
    );
    expect(await screen.findByText('AI inventory (1)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'system-01' })).toBeInTheDocument();
    expect(api.countsCalls.at(-1)).toEqual({ monitoring: 'breached' });

    await chooseOption('filter-monitoring', 'Any');
    await waitFor(() =>
      expect(tableCalls(api).at(-1)).toEqual({ limit: 20, offset: 0 }),
    );
  });

  it('downloads the CSV with the current filters', async () => {
    const createObjectURL = jest.fn(() => 'blob:inventory');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});

    const api = new FakeAimsApi(exampleItems());
    await render(api);
    fireEvent.click(await screen.findByTestId('count-tier-high-risk'));
    await waitFor(() => expect(tableCalls(api).at(-1)?.tier).toBe('high-risk'));

    fireEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    await waitFor(() => expect(api.csvCalls).toEqual([{ tier: 'high-risk' }]));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    click.mockRestore();
  });

  it('shows backend errors instead of an empty table', async () => {
    const api = new FakeAimsApi(exampleItems());
    api.getInventory = async () => {
      throw await responseError(
        503,
        'ServiceUnavailableError',
        'database down',
      );
    };
    await renderInTestApp(<AIInventoryPage />, {
      apis: [
        [aimsApiRef, api],
        [catalogApiRef, catalogApi as any],
      ],
      mountedRoutes,
    });
    expect(
      await screen.findByText(/Request failed with 503/),
    ).toBeInTheDocument();
  });

  it('has a "Risk register" tab with the org-wide heat map and register', async () => {
    const api = new FakeAimsApi(exampleItems());
    api.risks = [
      risk({
        id: 'a',
        aiSystemRef: 'aisystem:default/system-01',
        title: 'Bias in scoring',
      }),
    ];
    await render(api);
    expect(screen.getByRole('tab', { name: 'Inventory' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Risk register' }));
    expect(await screen.findByText('Bias in scoring')).toBeInTheDocument();
    expect(screen.getByTestId('risk-heatmap')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'system-01' })).toHaveAttribute(
      'href',
      '/catalog/default/aisystem/system-01',
    );
    expect(screen.queryByText(/AI inventory \(/)).not.toBeInTheDocument();
  });

  it('keeps the tab in the URL: ?tab=soa opens the Statement of Applicability', async () => {
    const api = new FakeAimsApi(exampleItems());
    await renderInTestApp(<AIInventoryPage />, {
      apis: [
        [aimsApiRef, api],
        [catalogApiRef, catalogApi as any],
      ],
      mountedRoutes,
      initialRouteEntries: ['/ai-inventory?tab=soa'],
    });
    expect(await screen.findByTestId('soa-tab')).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Statement of Applicability' }),
    ).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(screen.getByRole('tab', { name: 'Inventory' }));
    expect(
      await screen.findByRole('link', { name: 'system-01' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('soa-tab')).not.toBeInTheDocument();
  });
});
