import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Grid,
  IconButton,
  List,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import GetAppIcon from '@material-ui/icons/GetApp';
import PrintIcon from '@material-ui/icons/Print';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useAppSearchParams } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  ANNEX_A_CONTROLS,
  fourEyesViolation,
  Evidence,
  Soa,
  SoaAdditionalControl,
  SoaControlRow,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef, ControlExportFormat } from '../../api';
import { ActorLink } from '../common/ActorLink';
import { ApproveOrReturn } from '../common/ApproveOrReturn';
import { ConflictAlert, isConflict } from '../common/ConflictAlert';
import { useDialogSave } from '../common/DialogSave';
import { VersionCompare, VersionsTable } from '../common/VersionHistory';
import { Field } from '../common/Field';
import { formatDate, formatTime } from '../common/labels';
import { saveBlob } from '../common/saveBlob';
import {
  sameRef,
  useCurrentUser,
  useOwnershipRefs,
} from '../common/useCurrentUser';
import { AdditionalControlDialog } from './AdditionalControlDialog';
import { CoverageBar } from './CoverageBar';
import { EvidenceDialog } from './EvidenceDialog';
import { EvidenceLine } from './EvidenceList';
import { SoaControlDialog } from './SoaControlDialog';
import { SoaControlTable } from './SoaControlTable';
import { SoaPrintView } from './SoaPrintView';
import { diffSoaVersions } from './soaDiff';
import { SoaFilters, filtersFromParams, matchesFilters } from './filters';
import {
  IMPLEMENTATION_STATUSES,
  IMPLEMENTATION_STATUS_LABELS,
  SOA_STATUS_LABELS,
} from './labels';
import { useSoaPermissions } from './useSoaPermissions';

const CATEGORIES = [
  ...new Map(
    ANNEX_A_CONTROLS.map(c => [c.categoryId, c.categoryTitle]),
  ).entries(),
];

/** The SoA's status as a chip. */
export function SoaStatusChip(props: { status: string; testId?: string }) {
  const { status, testId = 'soa-status' } = props;
  let color: 'primary' | 'secondary' | 'default' = 'default';
  if (status === 'approved') color = 'primary';
  if (status === 'none') color = 'secondary';
  return (
    <Chip
      size="small"
      label={SOA_STATUS_LABELS[status] ?? status}
      color={color}
      data-testid={testId}
      data-value={status}
    />
  );
}

function ExportButtons(props: { onPrint: () => void }) {
  const aimsApi = useApi(aimsApiRef);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const download = async (format: ControlExportFormat) => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await aimsApi.getSoaExport(format);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(
        blob,
        format === 'csv'
          ? `statement-of-applicability-${day}.csv`
          : `statement-of-applicability-${day}.oscal.json`,
      );
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box className="aims-no-print">
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          disabled={busy}
          onClick={() => download('csv')}
        >
          CSV
        </Button>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          disabled={busy}
          onClick={() => download('oscal')}
        >
          OSCAL JSON
        </Button>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<PrintIcon />}
          onClick={props.onPrint}
        >
          Print
        </Button>
      </Box>
      {error && (
        <Box mt={1}>
          <ResponseErrorPanel error={error} title="Export failed" />
        </Box>
      )}
    </Box>
  );
}

/** Submit (draft), approve or return (in review) — the actions the user may take. */
function WorkflowActions(props: {
  soa: Soa;
  mayUpdate: boolean;
  mayApprove: boolean;
  onDone: (soa?: Soa) => void;
}) {
  const { soa, mayUpdate, mayApprove, onDone } = props;
  const aimsApi = useApi(aimsApiRef);
  const user = useCurrentUser();
  const { busy, error, conflict, run } = useDialogSave();

  const act = (action: 'submit' | 'approve' | 'return', reason?: string) =>
    run(async () => {
      onDone(
        await aimsApi.transitionSoa({
          action,
          revision: soa.revision,
          ...(action === 'return' ? { reason } : {}),
        }),
      );
    });

  let fourEyes: string | undefined;
  if (soa.status === 'in-review') {
    fourEyes = user
      ? fourEyesViolation(user, soa) &&
        'You wrote or submitted this version, so another approver must approve it (four-eyes principle).'
      : 'Checking who you are…';
  }

  return (
    <Box className="aims-no-print" data-testid="soa-workflow">
      {conflict && (
        <ConflictAlert
          what="Statement of Applicability"
          onReload={() => onDone()}
        />
      )}
      {error && (
        <ResponseErrorPanel error={error} title="The workflow action failed" />
      )}
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        {soa.status === 'draft' && mayUpdate && (
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={() => act('submit')}
          >
            Submit for approval
          </Button>
        )}
        {soa.status === 'in-review' && (
          <ApproveOrReturn
            mayApprove={mayApprove}
            fourEyes={fourEyes}
            busy={busy}
            onApprove={() => act('approve')}
            onReturn={reason => act('return', reason)}
            reasonFieldId="soa-return-reason"
            reasonHelp="Tell the authors what to change."
          />
        )}
      </Box>
    </Box>
  );
}

function SoaHeader(props: {
  soa: Soa;
  viewingVersion: boolean;
  onShowVersion: (version: number | undefined) => void;
  actions: JSX.Element;
  workflow: JSX.Element | null;
}) {
  const { soa, viewingVersion, onShowVersion } = props;
  return (
    <InfoCard
      title="Statement of Applicability"
      subheader="ISO/IEC 42001 clause 6.1.3 d: the Annex A controls, whether each applies and why, and how far it is implemented"
      action={props.actions}
    >
      <Grid container spacing={2}>
        <Field label="Version" gridSizes={{ xs: 6, sm: 3, md: 2 }}>
          <span data-testid="soa-version">
            {soa.version ? `v${soa.version}` : 'None yet'}
          </span>
        </Field>
        <Field label="Status" gridSizes={{ xs: 6, sm: 3, md: 2 }}>
          <SoaStatusChip status={soa.status} />
        </Field>
        <Field
          label="Approved by"
          gridSizes={{ xs: 6, sm: 3, md: 3 }}
          empty="Not approved"
        >
          {soa.approvedBy && <ActorLink actor={soa.approvedBy} />}
        </Field>
        <Field
          label="Approved at"
          gridSizes={{ xs: 6, sm: 3, md: 3 }}
          empty="—"
        >
          {soa.approvedAt && formatTime(soa.approvedAt)}
        </Field>
        <Field label="Catalogue" gridSizes={{ xs: 12, md: 2 }}>
          {soa.catalogue.standard} Annex {soa.catalogue.annex} (
          {soa.catalogue.controlCount} controls)
        </Field>
        {soa.latest && (
          <Grid item xs={12}>
            <Alert
              severity="info"
              data-testid="soa-latest-notice"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => onShowVersion(soa.latest!.version)}
                >
                  Open v{soa.latest.version}
                </Button>
              }
            >
              {soa.latest.status === 'in-review'
                ? `Version ${soa.latest.version} is in review`
                : `A draft (v${soa.latest.version}) is in progress`}{' '}
              over this version, by <ActorLink actor={soa.latest.author} />.
            </Alert>
          </Grid>
        )}
        {viewingVersion && (
          <Grid item xs={12}>
            <Alert
              severity="info"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => onShowVersion(undefined)}
                >
                  Show the SoA in force
                </Button>
              }
            >
              You are looking at version {soa.version}.
            </Alert>
          </Grid>
        )}
        {soa.status === 'none' && (
          <Grid item xs={12}>
            <Alert severity="warning">
              There is no Statement of Applicability yet: every control is
              undecided. Deciding a control starts the first draft.
            </Alert>
          </Grid>
        )}
        {soa.status === 'draft' && soa.returnedReason && (
          <Grid item xs={12}>
            <Alert severity="warning">
              Returned to draft: {soa.returnedReason}
            </Alert>
          </Grid>
        )}
        <Grid item xs={12}>
          <CoverageBar
            coverage={soa.coverage}
            label="All Annex A controls"
            testId="soa-coverage"
          />
        </Grid>
        {props.workflow && (
          <Grid item xs={12}>
            {props.workflow}
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}

function FilterBar(props: {
  filters: SoaFilters;
  onChange: (f: SoaFilters) => void;
}) {
  const { filters, onChange } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 16 }}
      className="aims-no-print"
      data-testid="soa-filters"
    >
      <TextField
        id="soa-filter-category"
        select
        SelectProps={{ native: true }}
        label="Category"
        InputLabelProps={{ shrink: true }}
        value={filters.category ?? ''}
        onChange={e =>
          onChange({ ...filters, category: e.target.value || undefined })
        }
        style={{ minWidth: 220 }}
      >
        <option value="">All categories</option>
        {CATEGORIES.map(([id, title]) => (
          <option key={id} value={id}>
            {id} {title}
          </option>
        ))}
      </TextField>
      <TextField
        id="soa-filter-status"
        select
        SelectProps={{ native: true }}
        label="Implementation status"
        InputLabelProps={{ shrink: true }}
        value={filters.status ?? ''}
        onChange={e =>
          onChange({
            ...filters,
            status: (e.target.value || undefined) as SoaFilters['status'],
          })
        }
        style={{ minWidth: 180 }}
      >
        <option value="">Any status</option>
        {IMPLEMENTATION_STATUSES.map(s => (
          <option key={s} value={s}>
            {IMPLEMENTATION_STATUS_LABELS[s]}
          </option>
        ))}
      </TextField>
      <TextField
        id="soa-filter-applicable"
        select
        SelectProps={{ native: true }}
        label="Applicable"
        InputLabelProps={{ shrink: true }}
        value={filters.applicable ?? ''}
        onChange={e =>
          onChange({
            ...filters,
            applicable: (e.target.value ||
              undefined) as SoaFilters['applicable'],
          })
        }
        style={{ minWidth: 140 }}
      >
        <option value="">Any</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
        <option value="undecided">Undecided</option>
      </TextField>
      <FormControlLabel
        control={
          <Checkbox
            checked={!!filters.attention}
            onChange={e =>
              onChange({ ...filters, attention: e.target.checked })
            }
            color="primary"
          />
        }
        label="Needs attention"
      />
    </Box>
  );
}

function AdditionalControls(props: {
  soa: Soa;
  mayEdit: boolean;
  onEdit: (c?: SoaAdditionalControl) => void;
  onChanged: (soa?: Soa) => void;
}) {
  const { soa, mayEdit, onEdit, onChanged } = props;
  const aimsApi = useApi(aimsApiRef);
  const [error, setError] = useState<Error>();
  const [conflict, setConflict] = useState(false);
  const remove = async (id: string) => {
    setError(undefined);
    try {
      onChanged(await aimsApi.deleteSoaAdditionalControl(id, soa.revision));
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setError(e as Error);
    }
  };
  return (
    <InfoCard
      title="The organisation's own controls"
      subheader="Controls beyond Annex A; shown apart and never counted among the 38"
      action={
        mayEdit ? (
          <Button
            color="primary"
            variant="outlined"
            className="aims-no-print"
            onClick={() => onEdit(undefined)}
          >
            Add own control
          </Button>
        ) : undefined
      }
    >
      {conflict && (
        <ConflictAlert
          what="Statement of Applicability"
          onReload={() => onChanged()}
        />
      )}
      {error && (
        <ResponseErrorPanel
          error={error}
          title="Could not remove the control"
        />
      )}
      {soa.additionalControls.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No own controls.
        </Typography>
      ) : (
        <Table size="small" aria-label="Own controls">
          <TableHead>
            <TableRow>
              <TableCell>Control</TableCell>
              <TableCell>Applicable</TableCell>
              <TableCell>Justification</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Owner</TableCell>
              {mayEdit && <TableCell className="aims-no-print" />}
            </TableRow>
          </TableHead>
          <TableBody>
            {soa.additionalControls.map(c => (
              <TableRow key={c.id} data-testid={`own-control-${c.id}`}>
                <TableCell>
                  <strong>{c.id}</strong> {c.title}
                  {c.documents.map(d => (
                    <Typography key={d.href} variant="caption" display="block">
                      <Link to={d.href}>{d.title}</Link>
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>{c.applicable ? 'Yes' : 'No'}</TableCell>
                <TableCell>{c.justification || '—'}</TableCell>
                <TableCell>
                  {IMPLEMENTATION_STATUS_LABELS[c.implementationStatus]}
                </TableCell>
                <TableCell>
                  {c.owner ? (
                    <EntityRefLink entityRef={c.owner} defaultKind="group" />
                  ) : (
                    '—'
                  )}
                </TableCell>
                {mayEdit && (
                  <TableCell className="aims-no-print">
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => onEdit(c)}
                    >
                      Edit
                    </Button>
                    <IconButton
                      size="small"
                      aria-label={`Remove ${c.id}`}
                      onClick={() => remove(c.id)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

/** "Expiring evidence (next 30 days)": evidence to renew before it stops counting. */
function ExpiringEvidence(props: { reloadKey: number }) {
  const aimsApi = useApi(aimsApiRef);
  const expiring = useAsyncRetry(
    () => aimsApi.listEvidence({ expiringWithinDays: 30 }),
    [aimsApi, props.reloadKey],
  );
  let body: JSX.Element;
  if (expiring.loading && !expiring.value) body = <Progress />;
  else if (expiring.error)
    body = (
      <ResponseErrorPanel
        error={expiring.error}
        title="Could not load the expiring evidence"
      />
    );
  else if (!expiring.value?.items.length)
    body = (
      <Typography variant="body2" color="textSecondary">
        No evidence expires in the next 30 days.
      </Typography>
    );
  else
    body = (
      <List dense disablePadding>
        {expiring.value.items.map(e => (
          <Box key={e.id}>
            <Typography variant="caption" color="textSecondary">
              {e.controlId}
              {e.aiSystemRef ? ` · ${e.aiSystemRef}` : ' · organisation'} ·
              expires {formatDate(e.expiresAt)}
            </Typography>
            <EvidenceLine item={e} />
          </Box>
        ))}
      </List>
    );
  return (
    <InfoCard title="Expiring evidence (next 30 days)">
      <div data-testid="expiring-evidence">{body}</div>
    </InfoCard>
  );
}

/** The SoA's versions and a per-row field compare of any two. */
function SoaVersionHistory(props: { reloadKey: number }) {
  const aimsApi = useApi(aimsApiRef);
  const versions = useAsyncRetry(
    () => aimsApi.listSoaVersions(),
    [aimsApi, props.reloadKey],
  );
  const items = versions.value?.items ?? [];

  let body: JSX.Element;
  if (versions.loading && !versions.value) body = <Progress />;
  else if (versions.error)
    body = (
      <ResponseErrorPanel
        error={versions.error}
        title="Could not load the versions"
      />
    );
  else if (!items.length)
    body = (
      <Typography variant="body2" color="textSecondary">
        No versions yet.
      </Typography>
    );
  else
    body = (
      <>
        <VersionsTable
          versions={items}
          ariaLabel="SoA versions"
          rowTestIdPrefix="soa-version-"
          status={v => (
            <SoaStatusChip
              status={v.status}
              testId={`soa-version-status-${v.version}`}
            />
          )}
          extraColumn={{
            title: 'Catalogue',
            cell: v => (
              <Typography variant="caption" title={v.catalogue.digest}>
                {v.catalogue.controlCount} controls ·{' '}
                {v.catalogue.digest.slice(0, 8)}
              </Typography>
            ),
          }}
        />
        <VersionCompare
          versions={items.map(v => v.version)}
          defaultFrom={items[1]?.version}
          defaultTo={items[0]?.version}
          diff={async (from, to) => {
            const [x, y] = await Promise.all([
              aimsApi.getSoaVersion(from),
              aimsApi.getSoaVersion(to),
            ]);
            return diffSoaVersions(x, y);
          }}
          sameText="The two versions decide every control the same way."
          testId="soa-version-diff"
          className="aims-no-print"
          selectWidth={100}
        />
      </>
    );
  return <InfoCard title="Version history">{body}</InfoCard>;
}

type Dialogs =
  | { kind: 'row'; row: SoaControlRow }
  | { kind: 'evidence'; row: SoaControlRow; item?: Evidence }
  | { kind: 'own'; control?: SoaAdditionalControl };

/**
 * The "Statement of Applicability" tab of the AI Inventory: the organisation's SoA in force
 * (or the version in `?version=`), its workflow, the 38 Annex A controls by category with
 * coverage, the organisation's own controls, exports, expiring evidence and the version
 * history. Filters live in the URL.
 */
export function SoaTab() {
  const aimsApi = useApi(aimsApiRef);
  const [params, setParams] = useAppSearchParams();
  const version = Number(params.get('version')) || undefined;
  const print = params.get('print') === '1';
  const filters = filtersFromParams(params);
  const soa = useAsyncRetry(
    () => (version ? aimsApi.getSoaVersion(version) : aimsApi.getSoa()),
    [aimsApi, version],
  );
  const perms = useSoaPermissions();
  const ownershipRefs = useOwnershipRefs();
  const [dialog, setDialog] = useState<Dialogs>();
  const [reloadKey, setReloadKey] = useState(0);

  const setParam = (patch: Record<string, string | undefined>) =>
    setParams(prev => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const setFilters = (f: SoaFilters) =>
    setParam({
      category: f.category,
      status: f.status,
      applicable: f.applicable,
      attention: f.attention ? '1' : undefined,
    });
  const showVersion = (v: number | undefined) =>
    setParam({ version: v === undefined ? undefined : String(v) });
  const reload = () => {
    setDialog(undefined);
    setReloadKey(k => k + 1);
    soa.retry();
  };
  /** After a write: show the version written (a first edit over an approved SoA starts v+1). */
  const written = (next?: Soa) => {
    setDialog(undefined);
    setReloadKey(k => k + 1);
    if (next && next.version && next.version !== soa.value?.version)
      showVersion(next.version);
    else soa.retry();
  };

  if (soa.loading && !soa.value) return <Progress />;
  if (soa.error) {
    return (
      <ResponseErrorPanel
        error={soa.error}
        title="Could not load the Statement of Applicability"
      />
    );
  }
  const doc = soa.value!;
  if (print) {
    return (
      <SoaPrintView soa={doc} onClose={() => setParam({ print: undefined })} />
    );
  }

  // edits go to the newest version: not while it is in review, not on an older version
  const editableVersion = !doc.latest && doc.status !== 'in-review';
  const mayEditRow = (row: { owner: string | null }) =>
    editableVersion &&
    (perms.update || ownershipRefs.some(r => sameRef(r, row.owner)));
  const mayEditEvidence = (row: { owner: string | null }) =>
    perms.update || ownershipRefs.some(r => sameRef(r, row.owner));
  const rows = doc.controls.filter(r => matchesFilters(r, filters));
  const categories = doc.categories.filter(c =>
    rows.some(r => r.categoryId === c.categoryId),
  );

  return (
    <Grid container spacing={3} data-testid="soa-tab">
      <Grid item xs={12}>
        <SoaHeader
          soa={doc}
          viewingVersion={!!version}
          onShowVersion={showVersion}
          actions={<ExportButtons onPrint={() => setParam({ print: '1' })} />}
          workflow={
            !doc.latest &&
            (doc.status === 'draft' || doc.status === 'in-review') ? (
              <WorkflowActions
                soa={doc}
                mayUpdate={perms.update}
                mayApprove={perms.approve}
                onDone={written}
              />
            ) : null
          }
        />
      </Grid>
      <Grid item xs={12}>
        <FilterBar filters={filters} onChange={setFilters} />
      </Grid>
      {categories.length === 0 && (
        <Grid item xs={12}>
          <Typography variant="body1" data-testid="soa-no-rows">
            No controls match these filters.
          </Typography>
        </Grid>
      )}
      {categories.map(cat => (
        <Grid item xs={12} key={cat.categoryId}>
          <InfoCard
            title={`${cat.categoryId} ${cat.categoryTitle}`}
            subheader={
              <CoverageBar
                coverage={cat}
                label={`${cat.categoryId} ${cat.categoryTitle}`}
                testId={`coverage-${cat.categoryId}`}
              />
            }
          >
            <Box overflow="auto" data-testid={`soa-category-${cat.categoryId}`}>
              <SoaControlTable
                caption={`${cat.categoryId} ${cat.categoryTitle}`}
                rows={rows.filter(r => r.categoryId === cat.categoryId)}
                mayEdit={mayEditRow}
                mayEditEvidence={mayEditEvidence}
                onEdit={row => setDialog({ kind: 'row', row })}
                onAddEvidence={row => setDialog({ kind: 'evidence', row })}
                onEditEvidence={(row, item) =>
                  setDialog({ kind: 'evidence', row, item })
                }
              />
            </Box>
          </InfoCard>
        </Grid>
      ))}
      <Grid item xs={12}>
        <AdditionalControls
          soa={doc}
          mayEdit={editableVersion && perms.update}
          onEdit={control => setDialog({ kind: 'own', control })}
          onChanged={written}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ExpiringEvidence reloadKey={reloadKey} />
      </Grid>
      <Grid item xs={12} md={6}>
        <SoaVersionHistory reloadKey={reloadKey} />
      </Grid>
      {dialog?.kind === 'row' && (
        <SoaControlDialog
          row={dialog.row}
          revision={doc.revision}
          onClose={() => setDialog(undefined)}
          onReload={reload}
          onSaved={written}
        />
      )}
      {dialog?.kind === 'evidence' && (
        <EvidenceDialog
          controlId={dialog.row.controlId}
          controlTitle={dialog.row.title}
          aiSystemRef={null}
          item={dialog.item}
          mayApprove={perms.approve}
          onClose={reload}
          onSaved={() => reload()}
        />
      )}
      {dialog?.kind === 'own' && (
        <AdditionalControlDialog
          control={dialog.control}
          takenIds={doc.additionalControls.map(c => c.id)}
          revision={doc.revision}
          onClose={() => setDialog(undefined)}
          onReload={reload}
          onSaved={written}
        />
      )}
    </Grid>
  );
}
