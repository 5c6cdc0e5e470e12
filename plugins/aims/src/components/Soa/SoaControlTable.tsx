import {
  Evidence,
  SoaControlRow,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  Box,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';

import { formatDate } from '../common/labels';
import { EvidenceCell } from './EvidenceList';
import {
  EXCLUSION_STANDING_LABELS,
  IMPLEMENTATION_STATUS_LABELS,
  INCLUSION_REASON_LABELS,
  applicableLabel,
  todayIso,
} from './labels';

const useStyles = makeStyles(theme => ({
  row: {
    verticalAlign: 'top',
    // one control never splits over two printed pages
    breakInside: 'avoid',
    pageBreakInside: 'avoid',
  },
  overdue: { color: theme.palette.error.main, fontWeight: 'bold' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 },
  indicative: { fontStyle: 'italic', color: theme.palette.text.secondary },
  cell: { wordBreak: 'normal', overflowWrap: 'anywhere' },
  // fixed columns: a long reason or title wraps inside its column instead of squeezing the
  // others down to a letter per line
  table: { tableLayout: 'fixed', width: '100%' },
  chip: { height: 'auto', maxWidth: '100%' },
  chipLabel: { whiteSpace: 'normal', paddingTop: 2, paddingBottom: 2 },
}));

/** Column widths of the SoA table (the edit column only on screen). */
const COLUMN_WIDTHS = [
  '12%', // control
  '8%', // applicable
  '20%', // justification and reasons
  '10%', // status
  '10%', // owner
  '8%', // review by
  '11%', // evidence
  '10%', // overlays
  '11%', // risks treated
];

/** Link to the Risks tab of the AI system a risk belongs to. */
function RiskLink(props: { risk: SoaControlRow['risks'][number] }) {
  const { risk } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  let to: string | undefined;
  try {
    const ref = parseEntityRef(risk.aiSystemRef);
    to = entityRoute
      ? `${entityRoute({
          kind: ref.kind.toLocaleLowerCase('en-US'),
          namespace: ref.namespace,
          name: ref.name,
        })}/risks`
      : undefined;
  } catch {
    to = undefined;
  }
  const text = `${risk.title} (${parseEntityRef(risk.aiSystemRef).name})`;
  return to ? <Link to={to}>{text}</Link> : <span>{text}</span>;
}

/** Applicability, with how an exclusion stands. */
export function ApplicableCell(props: { row: SoaControlRow }) {
  const { row } = props;
  const standing = EXCLUSION_STANDING_LABELS[row.exclusionStanding];
  return (
    <>
      <span data-testid={`applicable-${row.controlId}`}>
        {applicableLabel(row.applicable)}
      </span>
      {standing && (
        <Chip
          size="small"
          label={standing}
          color={
            row.exclusionStanding === 'justified' ? 'default' : 'secondary'
          }
          style={{ marginTop: 4 }}
        />
      )}
    </>
  );
}

/**
 * The Annex A rows of one category: applicability and justification with the reasons the data
 * gives, status, owner, review-by (red when past), evidence, the NIST AI RMF and EU AI Act
 * overlays (indicative) and the risks the control treats.
 */
export function SoaControlTable(props: {
  rows: SoaControlRow[];
  caption: string;
  print?: boolean;
  mayEdit?: (row: SoaControlRow) => boolean;
  /** Evidence is not versioned with the SoA: it may be added while a version is approved. */
  mayEditEvidence?: (row: SoaControlRow) => boolean;
  onEdit?: (row: SoaControlRow) => void;
  onAddEvidence?: (row: SoaControlRow) => void;
  onEditEvidence?: (row: SoaControlRow, item: Evidence) => void;
}) {
  const classes = useStyles();
  const { rows, print, mayEdit = () => false } = props;
  const mayEditEvidence = props.mayEditEvidence ?? mayEdit;
  const today = todayIso();
  return (
    <Table size="small" aria-label={props.caption} className={classes.table}>
      <colgroup>
        {COLUMN_WIDTHS.map((width, i) => (
          <col key={i} style={{ width }} />
        ))}
        {!print && <col style={{ width: 64 }} />}
      </colgroup>
      <TableHead>
        <TableRow>
          <TableCell>Control</TableCell>
          <TableCell>Applicable</TableCell>
          <TableCell>Justification</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Review by</TableCell>
          <TableCell>Evidence</TableCell>
          <TableCell>Overlays</TableCell>
          <TableCell>Risks treated</TableCell>
          {!print && <TableCell className="aims-no-print" />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => {
          const editable = !print && mayEdit(row);
          const evidenceEditable = !print && mayEditEvidence(row);
          const overdue = !!row.reviewBy && row.reviewBy < today;
          return (
            <TableRow
              key={row.controlId}
              className={classes.row}
              data-testid={`soa-row-${row.controlId}`}
            >
              <TableCell className={classes.cell}>
                <strong>{row.controlId}</strong> {row.title}
              </TableCell>
              <TableCell>
                <ApplicableCell row={row} />
              </TableCell>
              <TableCell className={classes.cell}>
                {row.justification || (
                  <Typography variant="body2" color="textSecondary">
                    —
                  </Typography>
                )}
                {row.inclusionReasons.length > 0 && (
                  <div className={classes.chips}>
                    {row.inclusionReasons.map((r, i) => (
                      <Chip
                        key={i}
                        size="small"
                        variant="outlined"
                        classes={{
                          root: classes.chip,
                          label: classes.chipLabel,
                        }}
                        label={`${
                          INCLUSION_REASON_LABELS[r.reason] ?? r.reason
                        }: ${r.detail}`}
                      />
                    ))}
                  </div>
                )}
                {row.documents.length > 0 && (
                  <Box mt={0.5}>
                    {row.documents.map(d => (
                      <Typography
                        key={d.href}
                        variant="caption"
                        display="block"
                      >
                        <Link to={d.href}>{d.title}</Link>
                      </Typography>
                    ))}
                  </Box>
                )}
              </TableCell>
              <TableCell data-testid={`status-${row.controlId}`}>
                {IMPLEMENTATION_STATUS_LABELS[row.implementationStatus]}
              </TableCell>
              <TableCell className={classes.cell}>
                {row.owner ? (
                  <EntityRefLink entityRef={row.owner} defaultKind="group" />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell
                className={overdue ? classes.overdue : undefined}
                data-testid={`review-by-${row.controlId}`}
                data-overdue={overdue}
              >
                {row.reviewBy ? formatDate(row.reviewBy) : '—'}
                {overdue && (
                  <Typography variant="caption" display="block">
                    past
                  </Typography>
                )}
              </TableCell>
              <TableCell className={classes.cell}>
                <EvidenceCell
                  controlId={row.controlId}
                  evidence={row.evidence}
                  expanded={print}
                  onAdd={
                    evidenceEditable && props.onAddEvidence
                      ? () => props.onAddEvidence!(row)
                      : undefined
                  }
                  onEdit={
                    evidenceEditable && props.onEditEvidence
                      ? item => props.onEditEvidence!(row, item)
                      : undefined
                  }
                />
              </TableCell>
              <TableCell className={classes.cell}>
                {row.nistAiRmf.length > 0 && (
                  <Typography variant="caption" display="block">
                    NIST AI RMF: {row.nistAiRmf.join(', ')}
                  </Typography>
                )}
                {row.euAiActArticles.length > 0 && (
                  <Typography variant="caption" display="block">
                    EU AI Act: {row.euAiActArticles.join(', ')}{' '}
                    <span className={classes.indicative}>(indicative)</span>
                  </Typography>
                )}
                {!row.nistAiRmf.length && !row.euAiActArticles.length && '—'}
              </TableCell>
              <TableCell className={classes.cell}>
                {row.risks.length
                  ? row.risks.map(r => (
                      <Typography
                        key={`${r.aiSystemRef}-${r.riskId}`}
                        variant="caption"
                        display="block"
                      >
                        <RiskLink risk={r} />
                      </Typography>
                    ))
                  : '—'}
                {row.risksTotal > row.risks.length && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                    data-testid={`more-risks-${row.controlId}`}
                  >
                    and {row.risksTotal - row.risks.length} more in the risk
                    register
                  </Typography>
                )}
              </TableCell>
              {!print && (
                <TableCell className="aims-no-print">
                  {editable && props.onEdit && (
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => props.onEdit!(row)}
                      aria-label={`Edit ${row.controlId}`}
                    >
                      Edit
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
