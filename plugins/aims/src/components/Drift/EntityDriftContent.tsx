import { useState } from 'react';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Box, Button, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Finding,
  FindingStatus,
  StoredFindingView,
  isOpenFinding,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { formatTime } from '../common/labels';
import { EvidenceList } from './EvidenceList';
import { FindingActionButtons } from './FindingActionDialog';
import { FindingStatusChip, SeverityChip } from './FindingChips';
import { FindingHistoryDialog } from './FindingHistoryDialog';
import { FINDING_TYPE_LABELS, isDriftFinding } from './driftText';

type Row = Finding &
  Partial<
    Pick<StoredFindingView, 'occurrences' | 'statusUntil' | 'statusReason'>
  >;

const STATUS_ORDER: Record<FindingStatus, number> = {
  open: 0,
  acknowledged: 1,
  snoozed: 2,
  'risk-accepted': 3,
  resolved: 4,
};
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Open first, then by severity, then newest. */
function byUrgency(a: Row, b: Row) {
  return (
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    b.lastSeenAt.localeCompare(a.lastSeenAt)
  );
}

function typeColumn(): TableColumn<Row> {
  return {
    title: 'Type',
    field: 'type',
    // whole words: a finding type never breaks mid-word
    cellStyle: { minWidth: 150, wordBreak: 'normal', overflowWrap: 'normal' },
    render: row => (
      <span data-testid="finding-type" data-value={row.type}>
        {FINDING_TYPE_LABELS[row.type] ?? row.type}
      </span>
    ),
  };
}

const severityColumn: TableColumn<Row> = {
  title: 'Severity',
  field: 'severity',
  render: row => <SeverityChip severity={row.severity} />,
};

const statusColumn: TableColumn<Row> = {
  title: 'Status',
  field: 'status',
  render: row => (
    <>
      <FindingStatusChip status={row.status} until={row.statusUntil} />
      {row.statusReason && (
        <Typography variant="caption" display="block" color="textSecondary">
          {row.statusReason}
        </Typography>
      )}
    </>
  ),
};

/** First and last seen, and how often it opened, in one column (the table stays on screen). */
const seenColumn: TableColumn<Row> = {
  title: 'Seen',
  field: 'lastSeenAt',
  cellStyle: { minWidth: 150 },
  render: row => (
    <>
      <Typography variant="body2">{formatTime(row.lastSeenAt)}</Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        since {formatTime(row.firstSeenAt)}
        {(row.occurrences ?? 1) > 1 ? ` · opened ${row.occurrences}×` : ''}
      </Typography>
    </>
  ),
};

/**
 * The "Drift" tab of AISystem pages: the drift findings that name this AI system (on the
 * components that run it), open and handled, with what each deployment source saw; and the
 * system's own compliance findings. Each row opens the finding's event history.
 *
 * @public
 */
export function EntityDriftContent() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const aimsApi = useApi(aimsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => aimsApi.getFindings({ entityRef: ref }),
    [aimsApi, ref],
  );
  const [history, setHistory] = useState<Row>();

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;

  const items = [...((value?.items ?? []) as Row[])].sort(byUrgency);
  const drift = items.filter(isDriftFinding);
  const compliance = items.filter(f => !isDriftFinding(f));
  const openDrift = drift.filter(isOpenFinding).length;

  const historyColumn: TableColumn<Row> = {
    title: 'History',
    field: 'id',
    render: row => (
      <Button
        size="small"
        onClick={() => setHistory(row)}
        aria-label={`History of finding ${row.id}`}
      >
        History
      </Button>
    ),
  };

  // nine facts in seven columns, so the table fits a laptop screen without scrolling sideways
  const driftColumns: TableColumn<Row>[] = [
    typeColumn(),
    {
      title: 'Where',
      field: 'entityRef',
      render: row => (
        <>
          <EntityRefLink entityRef={row.entityRef} hideIcon />
          <Typography variant="caption" color="textSecondary" display="block">
            {row.environment ?? '—'}
          </Typography>
        </>
      ),
    },
    severityColumn,
    statusColumn,
    seenColumn,
    {
      title: 'Evidence',
      field: 'evidence',
      cellStyle: { minWidth: 220 },
      render: row => <EvidenceList finding={row} />,
    },
    {
      title: 'Actions',
      field: 'status',
      cellStyle: { minWidth: 170 },
      render: row => (
        <>
          <FindingActionButtons finding={row} onChanged={retry} />
          <Button
            size="small"
            onClick={() => setHistory(row)}
            aria-label={`History of finding ${row.id}`}
          >
            History
          </Button>
        </>
      ),
    },
  ];

  const complianceColumns: TableColumn<Row>[] = [
    typeColumn(),
    severityColumn,
    statusColumn,
    seenColumn,
    historyColumn,
  ];

  return (
    <>
      <Box mb={3}>
        <Table<Row>
          title={`Deployment drift (${openDrift} open, ${drift.length} in all)`}
          columns={driftColumns}
          data={drift}
          options={{
            paging: drift.length > 20,
            pageSize: 20,
            search: false,
            padding: 'dense',
          }}
          emptyContent={
            <Box p={2} data-testid="aims-no-drift">
              <Typography variant="body2">
                No drift: what the deployment sources observe matches what this
                AI system declares.
              </Typography>
              <Typography variant="caption" color="textSecondary">
                Observations of failed or stale sources count as unknown, never
                as drift.
              </Typography>
            </Box>
          }
        />
      </Box>
      <Table<Row>
        title={`Compliance findings (${compliance.length})`}
        columns={complianceColumns}
        data={compliance}
        options={{
          paging: compliance.length > 20,
          pageSize: 20,
          search: false,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">No compliance findings.</Typography>
          </Box>
        }
      />
      {history && (
        <FindingHistoryDialog
          finding={history}
          onClose={() => setHistory(undefined)}
        />
      )}
    </>
  );
}
