import { ReactNode } from 'react';
import {
  Box,
  Button,
  Chip,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  EU_AI_ACT_TIER_LABELS,
  IMPACT_DIMENSIONS,
  ImpactAssessmentContent,
  ImpactDimensionAssessment,
  getAnnexIIIArea,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Field } from '../common/Field';
import { CONTENT_FIELD_LABELS, dimensionName } from '../common/labels';

export const SCOPES = [
  { id: 'individuals-or-groups', title: 'Individuals or groups (A.5.4)' },
  { id: 'societal', title: 'Society (A.5.5)' },
] as const;

/** Dimension rows of a scope, with their index in `content.dimensions`. */
export function rowsOfScope(content: ImpactAssessmentContent, scope: string) {
  const ids = IMPACT_DIMENSIONS.filter(d => d.scope === scope).map(d => d.id);
  return content.dimensions
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => ids.includes(row.dimension));
}

/**
 * The theme lets table cells break anywhere (`word-break: break-word`), so a squeezed column
 * broke its header mid-word ("Effec t", "Rati ng"). Headers keep to one line; body text wraps
 * between words and breaks inside a word only when that word alone is wider than its column;
 * a table wider than the card scrolls sideways instead of squeezing. Inline styles, so the
 * theme's class rules cannot win over them.
 */
const HEAD_CELL_STYLE = { whiteSpace: 'nowrap', wordBreak: 'normal' } as const;
const BODY_CELL_STYLE = {
  wordBreak: 'normal',
  overflowWrap: 'break-word',
} as const;

function HeadCell(props: { children?: ReactNode; wide?: boolean }) {
  return (
    <TableCell
      style={{ ...HEAD_CELL_STYLE, ...(props.wide ? { minWidth: 200 } : {}) }}
    >
      {props.children}
    </TableCell>
  );
}

function BodyCell(props: { children?: ReactNode }) {
  return <TableCell style={BODY_CELL_STYLE}>{props.children}</TableCell>;
}

const rating = (s?: number, l?: number) =>
  s === undefined && l === undefined ? '—' : `S${s ?? '?'} × L${l ?? '?'}`;

/** The content of one impact-assessment version, read-only. */
export function ImpactAssessmentContentView(props: {
  content: ImpactAssessmentContent;
  onRaiseRisk?: (row: ImpactDimensionAssessment) => void;
}) {
  const { content, onRaiseRisk } = props;
  const text = (
    key: keyof ImpactAssessmentContent,
    sizes?: Record<string, number>,
  ): ReactNode => (
    <Field
      label={CONTENT_FIELD_LABELS[key]}
      gridSizes={sizes}
      empty="Not filled in"
    >
      {content[key] as string}
    </Field>
  );
  const area = content.euAiAct?.annexIIIArea
    ? getAnnexIIIArea(content.euAiAct.annexIIIArea)
    : undefined;
  return (
    <Grid container spacing={2} data-testid="impact-assessment-content">
      {text('intendedUse')}
      {text('foreseeableMisuse')}
      {text('affectedIndividuals', { xs: 12, md: 6 })}
      {text('affectedGroups', { xs: 12, md: 6 })}
      <Field
        label={CONTENT_FIELD_LABELS.groupsNeedingProtection}
        empty="None selected"
      >
        {content.groupsNeedingProtection?.length > 0 && (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {content.groupsNeedingProtection.map(g => (
              <Chip key={g} size="small" label={g} />
            ))}
          </Box>
        )}
      </Field>
      {text('societalImpact')}
      <Grid item xs={12}>
        {SCOPES.map(scope => (
          <Box key={scope.id} mb={2}>
            <Typography variant="subtitle2" gutterBottom>
              {scope.title}
            </Typography>
            <Box style={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={scope.title}>
                <TableHead>
                  <TableRow>
                    <HeadCell>Dimension</HeadCell>
                    <HeadCell>Effect</HeadCell>
                    <HeadCell wide>Description</HeadCell>
                    <HeadCell>Rating</HeadCell>
                    <HeadCell wide>Mitigation</HeadCell>
                    <HeadCell>Residual</HeadCell>
                    {onRaiseRisk && <HeadCell />}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rowsOfScope(content, scope.id).map(({ row }) => (
                    <TableRow
                      key={row.dimension}
                      data-testid={`dimension-${row.dimension}`}
                    >
                      <BodyCell>{dimensionName(row.dimension)}</BodyCell>
                      <BodyCell>{row.effect}</BodyCell>
                      <BodyCell>{row.description || '—'}</BodyCell>
                      <BodyCell>
                        {rating(row.severity, row.likelihood)}
                      </BodyCell>
                      <BodyCell>{row.mitigation || '—'}</BodyCell>
                      <BodyCell>
                        {rating(row.residualSeverity, row.residualLikelihood)}
                      </BodyCell>
                      {onRaiseRisk && (
                        <BodyCell>
                          {row.effect === 'negative' && (
                            <Button
                              size="small"
                              onClick={() => onRaiseRisk(row)}
                            >
                              Raise risk
                            </Button>
                          )}
                        </BodyCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Box>
        ))}
      </Grid>
      {text('predictableFailures', { xs: 12, md: 6 })}
      {text('humanOversight', { xs: 12, md: 6 })}
      <Field
        label={CONTENT_FIELD_LABELS.dataCategories}
        gridSizes={{ xs: 12, md: 6 }}
      >
        {content.dataCategories?.length > 0 && (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {content.dataCategories.map(g => (
              <Chip key={g} size="small" label={g} />
            ))}
          </Box>
        )}
      </Field>
      <Field
        label={CONTENT_FIELD_LABELS.reviewers}
        gridSizes={{ xs: 12, md: 6 }}
      >
        {content.reviewers?.length > 0 && (
          <EntityRefLinks entityRefs={content.reviewers} defaultKind="user" />
        )}
      </Field>
      <Field label="EU AI Act" gridSizes={{ xs: 12, md: 6 }}>
        {EU_AI_ACT_TIER_LABELS[content.euAiAct?.tier] ?? content.euAiAct?.tier}
        {content.euAiAct?.annexIIIArea &&
          ` — Annex III ${content.euAiAct.annexIIIArea}${
            area ? `: ${area.name}` : ''
          }`}
      </Field>
      <Field
        label={CONTENT_FIELD_LABELS.nextReviewDate}
        gridSizes={{ xs: 12, md: 6 }}
        empty="Not set"
      >
        {content.nextReviewDate}
      </Field>
      <Field
        label={CONTENT_FIELD_LABELS['euAiAct.reasoning']}
        empty="Not filled in"
      >
        {content.euAiAct?.reasoning}
      </Field>
    </Grid>
  );
}
