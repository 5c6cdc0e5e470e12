import {
  Box,
  Table as MuiTable,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import {
  AuditEvent,
  FieldChange,
  diffDocuments,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ChangeLine } from '../common/ChangeList';
import { formatTime, formatValue } from '../common/labels';
import { ActorLink } from '../common/ActorLink';
import { Contributors } from '../common/VersionHistory';

/** How many audit events the tab loads. */
export const HISTORY_LIMIT = 200;

const ACTION_LABELS: Record<string, string> = {
  'impact-assessment.draft-saved': 'Impact assessment draft saved',
  'impact-assessment.created': 'Impact assessment started',
  'impact-assessment.submitted': 'Impact assessment submitted for review',
  'impact-assessment.approved': 'Impact assessment approved',
  'impact-assessment.returned': 'Impact assessment returned to draft',
  'impact-assessment.imported':
    'Impact assessment imported from the repository',
  'risk.created': 'Risk created',
  'risk.updated': 'Risk updated',
  'risk.signed-off': 'Risk signed off',
};

/** "impact-assessment.draft-saved" → a readable label (unknown actions are shown as they are). */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const isChange = (v: unknown): v is FieldChange =>
  typeof v === 'object' &&
  v !== null &&
  'field' in v &&
  'before' in v &&
  'after' in v;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The field-level changes of an audit event. Understands `details.changes` (a list of
 * `{field, before, after}`, what `diffDocuments` produces), `details.before`/`details.after`
 * documents (diffed here with the same function), and a transition as `from`/`to`; the other
 * details are listed as they are.
 */
export function eventChanges(details: Record<string, unknown>): {
  changes: FieldChange[];
  other: Array<[string, unknown]>;
} {
  const changes: FieldChange[] = [];
  const used = new Set<string>();
  if (Array.isArray(details.changes) && details.changes.every(isChange)) {
    changes.push(...(details.changes as FieldChange[]));
    used.add('changes');
  }
  if (isObject(details.before) || isObject(details.after)) {
    changes.push(...diffDocuments(details.before ?? {}, details.after ?? {}));
    used.add('before').add('after');
  }
  if ('from' in details && 'to' in details) {
    changes.push({ field: 'status', before: details.from, after: details.to });
    used.add('from').add('to');
  }
  const other = Object.entries(details).filter(([k]) => !used.has(k));
  return { changes, other };
}

function ChangesCell(props: { event: AuditEvent }) {
  const { changes, other } = eventChanges(props.event.details ?? {});
  if (!changes.length && !other.length) {
    return (
      <Typography variant="caption" color="textSecondary">
        No details
      </Typography>
    );
  }
  return (
    <Box>
      {changes.map(c => (
        <ChangeLine key={c.field} change={c} />
      ))}
      {other.map(([k, v]) =>
        k === 'contributors' && Array.isArray(v) ? (
          <Typography key={k} variant="body2" component="div">
            <strong>Contributors</strong>:{' '}
            <Contributors
              version={{
                author: String(v[0] ?? ''),
                contributors: v.map(String),
              }}
            />
          </Typography>
        ) : (
          <Typography key={k} variant="body2" component="div">
            <strong>{k === 'reason' ? 'Reason' : k}</strong>: {formatValue(v)}
          </Typography>
        ),
      )}
    </Box>
  );
}

const columns: TableColumn<AuditEvent>[] = [
  {
    title: 'Time',
    field: 'at',
    width: '180px',
    cellStyle: { whiteSpace: 'nowrap' },
    render: e => formatTime(e.at),
    defaultSort: 'desc',
  },
  {
    title: 'Actor',
    field: 'actor',
    width: '180px',
    // people link to their catalog page; system actors (aims:scheduled-import, …) are plain text
    render: e => <ActorLink actor={e.actor} />,
  },
  { title: 'Action', field: 'action', render: e => actionLabel(e.action) },
  { title: 'Changes', sorting: false, render: e => <ChangesCell event={e} /> },
];

/** The "History" tab: the append-only audit log of an entity (clause 7.5, 9.2 evidence). */
export function AimsHistoryTab(props: { entity: Entity }) {
  const entityRef = stringifyEntityRef(props.entity);
  const aimsApi = useApi(aimsApiRef);
  const events = useAsync(
    () => aimsApi.getAuditEvents({ entityRef, limit: HISTORY_LIMIT }),
    [aimsApi, entityRef],
  );
  if (events.error) return <ResponseErrorPanel error={events.error} />;
  const items = events.value?.items ?? [];
  return (
    <>
      {props.entity.kind.toLocaleLowerCase('en-US') === 'aisystem' && (
        <VersionContributors entityRef={entityRef} />
      )}
      <Table<AuditEvent>
        title={`AIMS history (${events.loading ? '…' : items.length})`}
        columns={columns}
        data={items}
        isLoading={events.loading}
        options={{
          paging: items.length > 20,
          pageSize: 20,
          search: true,
          padding: 'dense',
          emptyRowsWhenPaging: false,
        }}
        emptyContent={
          <Box p={2}>
            <Typography>
              Nothing recorded yet. Every change to this AI system's impact
              assessment and risks (who, when, what changed) will appear here.
            </Typography>
          </Box>
        }
      />
    </>
  );
}

/**
 * Who wrote each impact-assessment version: every contributor (everyone who saved or submitted
 * it), who submitted it and who approved it. The audit events below show one actor each; this
 * shows the people behind a version at a glance, also for versions whose save events are
 * older than the page of events loaded.
 */
export function VersionContributors(props: { entityRef: string }) {
  const { entityRef } = props;
  const aimsApi = useApi(aimsApiRef);
  const overview = useAsync(
    () => aimsApi.getImpactAssessment(entityRef),
    [aimsApi, entityRef],
  );
  if (overview.error) {
    return (
      <Box mb={2}>
        <ResponseErrorPanel
          error={overview.error}
          title="Could not load the impact-assessment versions"
        />
      </Box>
    );
  }
  const versions = [...(overview.value?.versions ?? [])].sort(
    (a, b) => b.version - a.version,
  );
  if (!versions.length) return null;
  return (
    <Box mb={2}>
      <InfoCard title="Impact-assessment versions and their contributors">
        <MuiTable size="small" aria-label="Impact-assessment contributors">
          <TableHead>
            <TableRow>
              <TableCell>Version</TableCell>
              <TableCell>Contributors</TableCell>
              <TableCell>Submitter</TableCell>
              <TableCell>Approver</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map(v => (
              <TableRow
                key={v.version}
                data-testid={`history-version-${v.version}`}
              >
                <TableCell>v{v.version}</TableCell>
                <TableCell>
                  <Contributors version={v} />
                </TableCell>
                <TableCell>
                  {v.submittedBy ? <ActorLink actor={v.submittedBy} /> : '—'}
                </TableCell>
                <TableCell>
                  {v.approvedBy ? <ActorLink actor={v.approvedBy} /> : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </MuiTable>
      </InfoCard>
    </Box>
  );
}

/**
 * Entity content for AISystem pages: the audit history.
 *
 * @public
 */
export function EntityAimsHistoryContent() {
  const { entity } = useEntity();
  return <AimsHistoryTab entity={entity} />;
}
