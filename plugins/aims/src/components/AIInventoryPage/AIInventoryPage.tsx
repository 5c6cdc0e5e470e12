import { useCallback, useState } from 'react';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useAppSearchParams } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Tab, Tabs, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { InventoryItem } from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { EuAiActTierChip, ImpactAssessmentStatusChip } from '../chips';
import { FindingsCell } from '../common/FindingsCell';
import { MonitoringSummaryCell } from '../Monitoring/MonitoringSummaryCell';
import { saveBlob } from '../common/saveBlob';
import { RiskRegisterContent } from '../Risks/RiskRegisterContent';
import { DeploymentSourcesCard } from '../Drift/DeploymentSourcesCard';
import { SoaTab } from '../Soa/SoaTab';
import {
  INVENTORY_PAGE_SIZES,
  InventoryFilters,
  InventorySlice,
  inventorySliceFromParams,
  inventorySliceToParams,
  toQuery,
} from './filters';
import {
  useFilterOptions,
  useInventoryCounts,
  useInventoryPage,
} from './useInventory';
import { InventoryFilterBar } from './InventoryFilterBar';
import { InventoryCountsBar } from './InventoryCountsBar';

const columns: TableColumn<InventoryItem>[] = [
  {
    title: 'AI system',
    field: 'title',
    highlight: true,
    // names wrap between words, never inside them
    cellStyle: { minWidth: 180, wordBreak: 'normal' },
    render: row => (
      <EntityRefLink entityRef={row.entityRef} hideIcon>
        {row.title}
      </EntityRefLink>
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row =>
      row.owner ? (
        <EntityRefLink entityRef={row.owner} defaultKind="group" />
      ) : (
        '—'
      ),
  },
  { title: 'Type', field: 'type' },
  { title: 'Lifecycle', field: 'lifecycle' },
  {
    title: 'EU AI Act tier',
    field: 'euAiActTier',
    render: row => <EuAiActTierChip tier={row.euAiActTier} />,
  },
  {
    title: 'Impact assessment',
    field: 'impactAssessment.status',
    render: row => (
      <>
        <ImpactAssessmentStatusChip
          status={row.impactAssessment.status}
          lifecycle={row.lifecycle}
        />
        {row.impactAssessment.reviewDue && (
          <Typography variant="caption" display="block">
            Review due {row.impactAssessment.reviewDue.slice(0, 10)}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Open findings',
    field: 'findings.open',
    render: row => <FindingsCell findings={row.findings} />,
  },
  {
    title: 'Controls',
    field: 'controls.implementedWithEvidence',
    render: row => <ControlsCell controls={row.controls} />,
  },
  {
    title: 'Monitoring',
    field: 'monitoring.status',
    render: row => <MonitoringSummaryCell summary={row.monitoring} />,
  },
  {
    title: 'Services',
    field: 'components',
    render: row => String(row.components?.length ?? 0),
  },
];

/** "3/12 evidenced": applicable controls implemented with current evidence. */
export function ControlsCell(props: { controls: InventoryItem['controls'] }) {
  const { applicable, implementedWithEvidence } = props.controls ?? {
    applicable: 0,
    implementedWithEvidence: 0,
  };
  if (!applicable) {
    return (
      <Typography variant="body2" color="textSecondary" data-testid="controls">
        None mapped
      </Typography>
    );
  }
  return (
    <span
      data-testid="controls"
      title={`${implementedWithEvidence} of ${applicable} applicable controls implemented with current evidence`}
    >
      {implementedWithEvidence}/{applicable} evidenced
    </span>
  );
}

/** Downloads `/inventory?format=csv` with the current filters (through fetchApi: auth goes along). */
function DownloadCsvButton(props: {
  filters: InventoryFilters;
  onError: (e: Error | undefined) => void;
}) {
  const aimsApi = useApi(aimsApiRef);
  const [busy, setBusy] = useState(false);
  const { filters, onError } = props;
  const download = async () => {
    setBusy(true);
    onError(undefined);
    try {
      const blob = await aimsApi.getInventoryCsv(toQuery(filters));
      saveBlob(
        blob,
        `ai-inventory-${new Date().toISOString().slice(0, 10)}.csv`,
      );
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={busy}
    >
      Download CSV
    </Button>
  );
}

/** The inventory: counts, filters, a server-paged table and CSV export. */
function InventoryView() {
  // filters and the page live in the URL: a link shows the same slice of the inventory
  const [params, setParams] = useAppSearchParams();
  const view = inventorySliceFromParams(params);
  const { filters, page, pageSize } = view;
  const [csvError, setCsvError] = useState<Error>();

  const show = useCallback(
    (next: InventorySlice) => setParams(inventorySliceToParams(next)),
    [setParams],
  );
  // a new filter starts at the first page
  const setFilters = (next: InventoryFilters) =>
    show({ filters: next, page: 0, pageSize });
  const setPage = (next: number) => show({ ...view, page: next });
  const setPageSize = (next: number) =>
    show({ filters, page: 0, pageSize: next });

  const options = useFilterOptions();
  const inventory = useInventoryPage(filters, page, pageSize);
  const counts = useInventoryCounts(filters);

  return (
    <>
      <ContentHeader title="AI systems">
        <DownloadCsvButton filters={filters} onError={setCsvError} />
      </ContentHeader>
      {csvError && (
        <Box mb={2}>
          <ResponseErrorPanel error={csvError} title="CSV export failed" />
        </Box>
      )}
      <Box mb={2}>
        <InventoryCountsBar
          counts={counts.value}
          status={filters.status}
          tier={filters.tier}
          onStatus={status => setFilters({ ...filters, status })}
          onTier={tier => setFilters({ ...filters, tier })}
        />
      </Box>
      <Box mb={2}>
        <InventoryFilterBar
          filters={filters}
          options={options}
          onChange={setFilters}
        />
      </Box>
      {inventory.error ? (
        <ResponseErrorPanel error={inventory.error} />
      ) : (
        <Table<InventoryItem>
          title={`AI inventory (${inventory.value?.totalCount ?? '…'})`}
          columns={columns}
          data={inventory.value?.items ?? []}
          isLoading={inventory.loading}
          page={page}
          totalCount={inventory.value?.totalCount ?? 0}
          onPageChange={(p: number) => setPage(p)}
          onRowsPerPageChange={(size: number) => setPageSize(size)}
          options={{
            paging: true,
            pageSize,
            pageSizeOptions: [...INVENTORY_PAGE_SIZES],
            search: false,
            sorting: false,
            padding: 'dense',
            emptyRowsWhenPaging: false,
          }}
          emptyContent={
            <Box p={2}>
              <Typography>No AI systems match these filters.</Typography>
            </Box>
          }
        />
      )}
      <Box mt={3}>
        <DeploymentSourcesCard />
      </Box>
    </>
  );
}

const TABS = ['inventory', 'risks', 'soa'] as const;
type InventoryTab = (typeof TABS)[number];

/**
 * The org-wide AI inventory, risk register and Statement of Applicability as three tabs:
 * "Inventory" (counts, filters, a server-paged table and CSV export), "Risk register" (heat
 * map and register of every AI system's risks) and "Statement of Applicability" (the Annex A
 * controls). The tab is in the URL (`?tab=soa`), so it can be linked and survives a reload.
 * Without the page chrome (the new frontend system's page header provides the title).
 *
 * @public
 */
export function AIInventoryContent() {
  const [params, setParams] = useAppSearchParams();
  const requested = params.get('tab');
  const tab: InventoryTab = (TABS as readonly string[]).includes(
    requested ?? '',
  )
    ? (requested as InventoryTab)
    : 'inventory';
  // another tab's filters do not carry over
  const selectTab = (next: InventoryTab) =>
    setParams(next === 'inventory' ? {} : { tab: next });
  let content: JSX.Element;
  if (tab === 'risks') content = <RiskRegisterContent />;
  else if (tab === 'soa') content = <SoaTab />;
  else content = <InventoryView />;
  return (
    <>
      <Box mb={2}>
        <Tabs
          value={tab}
          onChange={(_, v) => selectTab(v)}
          indicatorColor="primary"
          textColor="primary"
          aria-label="AI inventory views"
        >
          <Tab value="inventory" label="Inventory" />
          <Tab value="risks" label="Risk register" />
          <Tab value="soa" label="Statement of Applicability" />
        </Tabs>
      </Box>
      {content}
    </>
  );
}

/** Same content inside a full legacy page with its header. */
export function AIInventoryPage() {
  return (
    <Page themeId="tool">
      <Header
        title="AI Inventory"
        subtitle="Every AI system in the organisation, with its ISO/IEC 42001 status"
      />
      <Content>
        <AIInventoryContent />
      </Content>
    </Page>
  );
}
