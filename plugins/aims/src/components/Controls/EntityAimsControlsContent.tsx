import { useState } from 'react';
import {
  Box,
  Button,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  aimsSoaApprovePermission,
  aimsSoaUpdatePermission,
  Evidence,
  SystemControl,
  SystemControls,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef, ControlExportFormat } from '../../api';
import { StatusError } from '../common/StatusError';
import { entityParams } from '../../api/AimsClient';
import { saveBlob } from '../common/saveBlob';
import { CoverageBar } from '../Soa/CoverageBar';
import { EvidenceCell } from '../Soa/EvidenceList';
import { EvidenceDialog } from '../Soa/EvidenceDialog';
import { IMPLEMENTATION_STATUS_LABELS, applicableLabel } from '../Soa/labels';
import { SystemControlDialog } from './SystemControlDialog';

function ExportButtons(props: { entityRef: string }) {
  const aimsApi = useApi(aimsApiRef);
  const [error, setError] = useState<Error>();
  const download = async (format: ControlExportFormat) => {
    setError(undefined);
    try {
      const blob = await aimsApi.getSystemControlsExport(
        props.entityRef,
        format,
      );
      const { name } = entityParams(props.entityRef);
      saveBlob(
        blob,
        format === 'csv'
          ? `${name}-controls.csv`
          : `${name}-controls.oscal.json`,
      );
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Box>
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={() => download('csv')}
        >
          CSV
        </Button>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={() => download('oscal')}
        >
          OSCAL JSON
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

/** "named by risk <title>" links to the system's Risks tab. */
function NamedByRisks(props: { control: SystemControl; entity: Entity }) {
  const entityRoute = useRouteRef(entityRouteRef);
  const { kind, namespace, name } = entityParams(
    stringifyEntityRef(props.entity),
  );
  const risksPath = entityRoute
    ? `${entityRoute({ kind, namespace, name })}/risks`
    : undefined;
  if (!props.control.risks.length) return null;
  return (
    <>
      {props.control.risks.map(r => (
        <Typography
          key={r.riskId}
          variant="caption"
          display="block"
          data-testid={`named-by-${props.control.controlId}`}
        >
          named by risk{' '}
          {risksPath ? <Link to={risksPath}>{r.title}</Link> : r.title}
        </Typography>
      ))}
    </>
  );
}

function ObligationsTable(props: { controls: SystemControls }) {
  const { obligations } = props.controls;
  return (
    <InfoCard
      title="EU AI Act obligations"
      subheader="High-risk AI system: the obligations, the Annex A controls the crosswalk maps to each (indicative), and whether one of them applies here, is implemented and has current evidence"
    >
      <Table size="small" aria-label="EU AI Act obligations">
        <TableHead>
          <TableRow>
            <TableCell>Article</TableCell>
            <TableCell>Obligation</TableCell>
            <TableCell>Mapped controls</TableCell>
            <TableCell>Covered</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {obligations.map(o => (
            <TableRow key={o.article} data-testid={`obligation-${o.article}`}>
              <TableCell>{o.article}</TableCell>
              <TableCell>{o.name}</TableCell>
              <TableCell>
                {o.controls.length ? (
                  o.controls.join(', ')
                ) : (
                  <Typography variant="body2" color="textSecondary">
                    Clauses only
                  </Typography>
                )}
              </TableCell>
              <TableCell data-testid={`covered-${o.article}`}>
                {o.covered ? (
                  <Box display="flex" alignItems="center" style={{ gap: 4 }}>
                    <CheckIcon
                      fontSize="small"
                      style={{ color: 'green' }}
                      aria-label="Covered"
                    />
                    <Typography variant="caption">
                      by {o.coveredBy.join(', ')}
                    </Typography>
                  </Box>
                ) : (
                  <CloseIcon
                    fontSize="small"
                    color="error"
                    aria-label="Not covered"
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

type Dialogs =
  | { kind: 'map'; control?: SystemControl }
  | { kind: 'evidence'; control: SystemControl; item?: Evidence };

/**
 * The "Controls" tab of an AI system: the Annex A controls that apply to it (mapped, and
 * those its risks name as treatments), how, their status and evidence, the coverage, and
 * for a high-risk system its EU AI Act obligations; owners map controls and add evidence.
 */
export function ControlsTab(props: { entity: Entity }) {
  const { entity } = props;
  const entityRef = stringifyEntityRef(entity);
  const aimsApi = useApi(aimsApiRef);
  const controls = useAsyncRetry(
    () => aimsApi.getSystemControls(entityRef),
    [aimsApi, entityRef],
  );
  const mayUpdate = usePermission({
    permission: aimsSoaUpdatePermission,
    resourceRef: entityRef,
  }).allowed;
  const mayApprove = usePermission({
    permission: aimsSoaApprovePermission,
  }).allowed;
  const [dialog, setDialog] = useState<Dialogs>();
  const reload = () => {
    setDialog(undefined);
    controls.retry();
  };

  if (controls.loading && !controls.value) return <Progress />;
  if (controls.error) {
    return (
      <StatusError
        error={controls.error}
        notFoundText="AIMS does not know this AI system yet."
      />
    );
  }
  const value = controls.value!;
  const rows = value.controls;

  return (
    <Grid container spacing={3} data-testid="controls-tab">
      <Grid item xs={12}>
        <InfoCard
          title="Controls"
          subheader="ISO/IEC 42001 Annex A controls applied to this AI system, and the evidence that they work"
          action={<ExportButtons entityRef={entityRef} />}
        >
          <CoverageBar
            coverage={value.coverage}
            label="Controls of this AI system"
            testId="system-coverage"
          />
          {mayUpdate && (
            <Box mt={2}>
              <Button
                variant="contained"
                color="primary"
                onClick={() => setDialog({ kind: 'map' })}
              >
                Map a control
              </Button>
            </Box>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Controls of this AI system">
          {rows.length === 0 ? (
            <Typography variant="body2" data-testid="controls-empty">
              No control applies to this AI system yet: no control is mapped to
              it and none of its risks names one.{' '}
              {mayUpdate
                ? 'Map the controls that treat its risks with "Map a control".'
                : 'Its owners map them.'}
            </Typography>
          ) : (
            <Box overflow="auto">
              <Table
                size="small"
                aria-label="Controls of this AI system"
                // fixed columns: long text wraps in its own column
                style={{ tableLayout: 'fixed', width: '100%' }}
              >
                <colgroup>
                  {['22%', '7%', '21%', '11%', '11%', '12%', '16%'].map(
                    (width, i) => (
                      <col key={i} style={{ width }} />
                    ),
                  )}
                  {mayUpdate && <col style={{ width: 72 }} />}
                </colgroup>
                <TableHead>
                  <TableRow>
                    <TableCell>Control</TableCell>
                    <TableCell>Applies</TableCell>
                    <TableCell>How</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell>Owner</TableCell>
                    <TableCell>Organisation SoA</TableCell>
                    <TableCell>Evidence</TableCell>
                    {mayUpdate && <TableCell />}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map(c => (
                    <TableRow
                      key={c.controlId}
                      data-testid={`system-control-${c.controlId}`}
                      style={{ verticalAlign: 'top' }}
                    >
                      <TableCell>
                        <strong>{c.controlId}</strong> {c.title}
                        {!c.mapped && (
                          <Typography
                            variant="caption"
                            display="block"
                            color="textSecondary"
                          >
                            Not mapped yet
                          </Typography>
                        )}
                        <NamedByRisks control={c} entity={entity} />
                        {c.euAiActArticles.length > 0 && (
                          <Typography variant="caption" display="block">
                            EU AI Act: {c.euAiActArticles.join(', ')}{' '}
                            <em>(indicative)</em>
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell>{c.applicable ? 'Yes' : 'No'}</TableCell>
                      <TableCell>{c.how || '—'}</TableCell>
                      <TableCell>
                        {IMPLEMENTATION_STATUS_LABELS[c.implementationStatus]}
                      </TableCell>
                      <TableCell>
                        {c.owner ? (
                          <EntityRefLink
                            entityRef={c.owner}
                            defaultKind="group"
                          />
                        ) : (
                          '—'
                        )}
                      </TableCell>
                      <TableCell>
                        <Typography variant="caption" display="block">
                          Applicable:{' '}
                          {applicableLabel(c.organisation.applicable)}
                        </Typography>
                        <Typography variant="caption" display="block">
                          {
                            IMPLEMENTATION_STATUS_LABELS[
                              c.organisation.implementationStatus
                            ]
                          }
                        </Typography>
                      </TableCell>
                      <TableCell>
                        <EvidenceCell
                          controlId={c.controlId}
                          evidence={c.evidence}
                          onAdd={
                            mayUpdate
                              ? () =>
                                  setDialog({ kind: 'evidence', control: c })
                              : undefined
                          }
                          onEdit={
                            mayUpdate
                              ? item =>
                                  setDialog({
                                    kind: 'evidence',
                                    control: c,
                                    item,
                                  })
                              : undefined
                          }
                        />
                      </TableCell>
                      {mayUpdate && (
                        <TableCell>
                          <Button
                            size="small"
                            color="primary"
                            aria-label={`Edit mapping of ${c.controlId}`}
                            onClick={() =>
                              setDialog({ kind: 'map', control: c })
                            }
                          >
                            {c.mapped ? 'Edit' : 'Map'}
                          </Button>
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </InfoCard>
      </Grid>
      {(value.euAiActTier === 'high-risk' || value.obligations.length > 0) && (
        <Grid item xs={12}>
          {value.obligations.length ? (
            <ObligationsTable controls={value} />
          ) : (
            <InfoCard title="EU AI Act obligations">
              <Typography variant="body2" color="textSecondary">
                No obligations listed for this system.
              </Typography>
            </InfoCard>
          )}
        </Grid>
      )}
      {dialog?.kind === 'map' && (
        <SystemControlDialog
          aiSystemRef={entityRef}
          control={dialog.control}
          mappedIds={rows.filter(r => r.mapped).map(r => r.controlId)}
          onClose={() => setDialog(undefined)}
          onReload={reload}
          onSaved={reload}
        />
      )}
      {dialog?.kind === 'evidence' && (
        <EvidenceDialog
          controlId={dialog.control.controlId}
          controlTitle={dialog.control.title}
          aiSystemRef={entityRef}
          item={dialog.item}
          mayApprove={mayApprove}
          onClose={reload}
          onSaved={reload}
        />
      )}
    </Grid>
  );
}

/**
 * Entity content for AISystem pages: the controls that apply to the AI system, their
 * evidence and (high-risk) its EU AI Act obligations.
 *
 * @public
 */
export function EntityAimsControlsContent() {
  const { entity } = useEntity();
  return <ControlsTab entity={entity} />;
}
