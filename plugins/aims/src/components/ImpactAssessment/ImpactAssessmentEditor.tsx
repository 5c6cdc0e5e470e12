import { ReactNode, useMemo, useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Grid,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  ANNEX_III_AREAS,
  EU_AI_ACT_TIERS,
  EU_AI_ACT_TIER_LABELS,
  EuAiActTier,
  GROUPS_NEEDING_SPECIFIC_PROTECTION,
  IMPACT_EFFECTS,
  ImpactAssessmentContent,
  ImpactAssessmentVersion,
  ImpactDimensionAssessment,
  RATING_MAX,
  RATING_MIN,
  validateImpactAssessmentContent,
  withEveryImpactDimension,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ChipInput } from '../common/ChipInput';
import { ConflictAlert, isConflict } from '../common/ConflictAlert';
import {
  CONTENT_FIELD_LABELS,
  DIMENSION_FIELD_LABELS,
  dimensionName,
  problemsByField,
  readableProblem,
} from '../common/labels';
import { SCOPES, rowsOfScope } from './ContentView';

/**
 * Headers wrap between words only: the theme's `word-break: break-word` split "Likelihood"
 * in a squeezed column. Inline, because the theme's class rule would win over a class.
 */
const HEAD_CELL_STYLE = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
} as const;

const useStyles = makeStyles(theme => ({
  section: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  rating: { width: 72 },
  cell: { verticalAlign: 'top', padding: theme.spacing(1, 0.5) },
  actions: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    padding: theme.spacing(2),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
}));

type TextKey =
  | 'intendedUse'
  | 'foreseeableMisuse'
  | 'affectedIndividuals'
  | 'affectedGroups'
  | 'societalImpact'
  | 'predictableFailures'
  | 'humanOversight';

const TEXT_HELP: Record<TextKey, string> = {
  intendedUse: 'What the AI system is for and who uses it (B.5.3).',
  foreseeableMisuse: 'Uses it is not meant for but could plausibly be put to.',
  affectedIndividuals: 'Who is affected by its outputs or decisions.',
  affectedGroups: 'Groups of people that could be affected differently.',
  societalImpact:
    'Impact on society at large (A.5.5): environment, economy, democracy, culture.',
  predictableFailures: 'Known failure modes and what happens when they occur.',
  humanOversight: 'How people oversee, override or stop the system.',
};

function parseRating(v: string): number | undefined {
  if (v.trim() === '') return undefined;
  return Number(v);
}

/**
 * The impact-assessment form: every content field, validated as you type with the shared
 * rules (`complete: false` errors under the fields at once; `complete: true` ones once a
 * field is touched, and all of them listed where they block "Submit for review").
 */
export function ImpactAssessmentEditor(props: {
  entityRef: string;
  initial: ImpactAssessmentContent;
  /** The revision the edit starts from; undefined for the very first draft. */
  revision?: number;
  /** The draft being edited, when there is one (for "returned" notes). */
  draft?: ImpactAssessmentVersion | null;
  /** After a save or submit: the parent reloads. */
  onSaved: (version: ImpactAssessmentVersion) => void;
  /** Discard local edits and load what is stored. */
  onReload: () => void;
  onCancel?: () => void;
}) {
  const { entityRef, initial, draft, onSaved, onReload, onCancel } = props;
  const classes = useStyles();
  const aimsApi = useApi(aimsApiRef);
  // every dimension gets a row, also when a stored or imported draft assessed only some
  const [content, setContent] = useState<ImpactAssessmentContent>(() =>
    withEveryImpactDimension(initial),
  );
  const [revision, setRevision] = useState<number | undefined>(props.revision);
  const [dirty, setDirty] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<'save' | 'submit' | undefined>();
  const [error, setError] = useState<Error>();
  const [conflict, setConflict] = useState(false);
  const [savedAt, setSavedAt] = useState<string>();

  const draftProblems = useMemo(
    () => validateImpactAssessmentContent(content, { complete: false }),
    [content],
  );
  const completeProblems = useMemo(
    () => validateImpactAssessmentContent(content, { complete: true }),
    [content],
  );
  const draftErrors = useMemo(
    () => problemsByField(draftProblems),
    [draftProblems],
  );
  const completeErrors = useMemo(
    () => problemsByField(completeProblems),
    [completeProblems],
  );

  const errorFor = (field: string): string | undefined => {
    if (draftErrors[field]) return draftErrors[field];
    const row = /^(dimensions\[\d+\])\./.exec(field)?.[1];
    const isTouched =
      touched.has(field) || (row !== undefined && touched.has(row));
    return isTouched ? completeErrors[field] : undefined;
  };

  const update = (field: string, next: ImpactAssessmentContent) => {
    setContent(next);
    setDirty(true);
    setSavedAt(undefined);
    setTouched(prev => (prev.has(field) ? prev : new Set(prev).add(field)));
  };
  const setText = (key: TextKey | 'nextReviewDate', value: string) =>
    update(key, { ...content, [key]: value });
  const setDimension = (
    index: number,
    field: string,
    patch: Partial<ImpactDimensionAssessment>,
  ) => {
    const dimensions = content.dimensions.map((row, i) =>
      i === index ? { ...row, ...patch } : row,
    );
    update(field, { ...content, dimensions });
  };
  const setEuAiAct = (
    field: string,
    patch: Partial<ImpactAssessmentContent['euAiAct']>,
  ) => {
    const euAiAct = { ...content.euAiAct, ...patch };
    if (euAiAct.annexIIIArea === undefined || euAiAct.annexIIIArea === '')
      delete euAiAct.annexIIIArea;
    update(field, { ...content, euAiAct });
  };

  const save = async (): Promise<ImpactAssessmentVersion | undefined> => {
    setError(undefined);
    try {
      const saved = await aimsApi.saveImpactAssessmentDraft(entityRef, {
        content,
        ...(revision !== undefined ? { revision } : {}),
      });
      setRevision(saved.revision);
      setDirty(false);
      setSavedAt(saved.updatedAt);
      return saved;
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setError(e as Error);
      return undefined;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const saved = await save();
    setBusy(undefined);
    if (saved) onSaved(saved);
  };

  const onSubmit = async () => {
    setBusy('submit');
    let current = revision;
    if (dirty || current === undefined) {
      const saved = await save();
      if (!saved) {
        setBusy(undefined);
        return;
      }
      current = saved.revision;
    }
    try {
      const submitted = await aimsApi.transitionImpactAssessment(entityRef, {
        action: 'submit',
        revision: current!,
      });
      onSaved(submitted);
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const textField = (key: TextKey, rows = 3): ReactNode => (
    <Grid
      item
      xs={12}
      md={key === 'intendedUse' || key === 'societalImpact' ? 12 : 6}
    >
      <TextField
        id={`ia-${key}`}
        label={CONTENT_FIELD_LABELS[key]}
        value={content[key]}
        onChange={e => setText(key, e.target.value)}
        multiline
        minRows={rows}
        fullWidth
        variant="outlined"
        error={!!errorFor(key)}
        helperText={errorFor(key) ?? TEXT_HELP[key]}
      />
    </Grid>
  );

  const canSubmit =
    !busy &&
    !conflict &&
    draftProblems.length === 0 &&
    completeProblems.length === 0;

  return (
    <Box data-testid="impact-assessment-editor">
      {draft?.status === 'draft' && draft.returnedReason && (
        <Box mb={2}>
          <Alert severity="warning">
            Returned by the reviewer: {draft.returnedReason}
          </Alert>
        </Box>
      )}

      <Paper variant="outlined" className={classes.section}>
        <Typography variant="h6" gutterBottom>
          Use and context
        </Typography>
        <Grid container spacing={2}>
          {textField('intendedUse')}
          {textField('foreseeableMisuse')}
          {textField('affectedIndividuals')}
          {textField('affectedGroups')}
          <Grid item xs={12}>
            <FormControl
              component="fieldset"
              error={!!errorFor('groupsNeedingProtection')}
            >
              <FormLabel component="legend">
                {CONTENT_FIELD_LABELS.groupsNeedingProtection}
              </FormLabel>
              <FormGroup row>
                {GROUPS_NEEDING_SPECIFIC_PROTECTION.map(group => (
                  <FormControlLabel
                    key={group}
                    label={group}
                    control={
                      <Checkbox
                        checked={content.groupsNeedingProtection.includes(
                          group,
                        )}
                        onChange={e =>
                          update('groupsNeedingProtection', {
                            ...content,
                            groupsNeedingProtection: e.target.checked
                              ? [...content.groupsNeedingProtection, group]
                              : content.groupsNeedingProtection.filter(
                                  g => g !== group,
                                ),
                          })
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
              <FormHelperText>
                {errorFor('groupsNeedingProtection') ??
                  'Groups needing specific protection (B.5.4) that the system can affect.'}
              </FormHelperText>
            </FormControl>
          </Grid>
          {textField('societalImpact')}
        </Grid>
      </Paper>

      <Paper variant="outlined" className={classes.section}>
        <Typography variant="h6">Impact dimensions</Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Assess every dimension. Rate severity and likelihood from {RATING_MIN}{' '}
          (lowest) to {RATING_MAX} (highest); a negative impact needs a
          mitigation and a residual rating.
        </Typography>
        {errorFor('dimensions') && (
          <FormHelperText error>{errorFor('dimensions')}</FormHelperText>
        )}
        {SCOPES.map(scope => (
          <Box key={scope.id} mb={2}>
            <Typography variant="subtitle1" gutterBottom>
              {scope.title}
            </Typography>
            <Table size="small" aria-label={`${scope.title} (editable)`}>
              <TableHead>
                <TableRow>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Dimension
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Effect
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Description
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Severity
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Likelihood
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Mitigation
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Residual severity
                  </TableCell>
                  <TableCell className={classes.cell} style={HEAD_CELL_STYLE}>
                    Residual likelihood
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rowsOfScope(content, scope.id).map(({ row, index }) => {
                  const at = `dimensions[${index}]`;
                  const name = dimensionName(row.dimension);
                  const textCell = (k: 'description' | 'mitigation') => (
                    <TableCell className={classes.cell}>
                      <TextField
                        multiline
                        fullWidth
                        value={row[k] ?? ''}
                        inputProps={{ 'aria-label': `${name} ${k}` }}
                        onChange={e =>
                          setDimension(index, `${at}.${k}`, {
                            [k]: e.target.value,
                          })
                        }
                        error={!!errorFor(`${at}.${k}`)}
                        helperText={errorFor(`${at}.${k}`)}
                      />
                    </TableCell>
                  );
                  const ratingCell = (
                    k:
                      | 'severity'
                      | 'likelihood'
                      | 'residualSeverity'
                      | 'residualLikelihood',
                  ) => (
                    <TableCell key={k} className={classes.cell}>
                      <TextField
                        type="number"
                        className={classes.rating}
                        value={row[k] ?? ''}
                        inputProps={{
                          min: RATING_MIN,
                          max: RATING_MAX,
                          'aria-label': `${name} ${DIMENSION_FIELD_LABELS[
                            k
                          ].toLocaleLowerCase('en-US')}`,
                        }}
                        onChange={e =>
                          setDimension(index, `${at}.${k}`, {
                            [k]: parseRating(e.target.value),
                          })
                        }
                        error={!!errorFor(`${at}.${k}`)}
                        helperText={errorFor(`${at}.${k}`)}
                      />
                    </TableCell>
                  );
                  return (
                    <TableRow
                      key={row.dimension}
                      data-testid={`edit-dimension-${row.dimension}`}
                    >
                      <TableCell className={classes.cell}>
                        <Typography variant="body2">{name}</Typography>
                      </TableCell>
                      <TableCell className={classes.cell}>
                        <TextField
                          select
                          SelectProps={{ native: true }}
                          value={row.effect}
                          inputProps={{ 'aria-label': `${name} effect` }}
                          onChange={e =>
                            setDimension(index, at, {
                              effect: e.target
                                .value as ImpactDimensionAssessment['effect'],
                            })
                          }
                          error={!!errorFor(`${at}.effect`)}
                          helperText={errorFor(`${at}.effect`)}
                        >
                          {IMPACT_EFFECTS.map(effect => (
                            <option key={effect} value={effect}>
                              {effect}
                            </option>
                          ))}
                        </TextField>
                      </TableCell>
                      {textCell('description')}
                      {(['severity', 'likelihood'] as const).map(ratingCell)}
                      {textCell('mitigation')}
                      {(
                        ['residualSeverity', 'residualLikelihood'] as const
                      ).map(ratingCell)}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        ))}
      </Paper>

      <Paper variant="outlined" className={classes.section}>
        <Typography variant="h6" gutterBottom>
          Failures, oversight and data
        </Typography>
        <Grid container spacing={2}>
          {textField('predictableFailures')}
          {textField('humanOversight')}
          <Grid item xs={12} md={6}>
            <ChipInput
              id="ia-dataCategories"
              label={CONTENT_FIELD_LABELS.dataCategories}
              values={content.dataCategories}
              onChange={dataCategories =>
                update('dataCategories', { ...content, dataCategories })
              }
              placeholder="e.g. financial, personal"
              error={errorFor('dataCategories')}
              helperText="Categories of data the system processes. Press Enter to add."
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <ChipInput
              id="ia-reviewers"
              label={CONTENT_FIELD_LABELS.reviewers}
              values={content.reviewers}
              onChange={reviewers =>
                update('reviewers', { ...content, reviewers })
              }
              placeholder="user:default/jane.doe"
              error={errorFor('reviewers')}
              helperText="Entity refs of the reviewers. Press Enter to add."
            />
          </Grid>
        </Grid>
      </Paper>

      <Paper variant="outlined" className={classes.section}>
        <Typography variant="h6" gutterBottom>
          EU AI Act and review
        </Typography>
        <Grid container spacing={2}>
          <Grid item xs={12} md={4}>
            <TextField
              id="ia-tier"
              select
              fullWidth
              SelectProps={{ native: true }}
              label={CONTENT_FIELD_LABELS['euAiAct.tier']}
              value={content.euAiAct.tier}
              onChange={e =>
                setEuAiAct('euAiAct.tier', {
                  tier: e.target.value as EuAiActTier,
                })
              }
              error={!!errorFor('euAiAct.tier')}
              helperText={errorFor('euAiAct.tier')}
            >
              {EU_AI_ACT_TIERS.map(t => (
                <option key={t} value={t}>
                  {EU_AI_ACT_TIER_LABELS[t]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} md={8}>
            <TextField
              id="ia-annexIIIArea"
              select
              fullWidth
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              label={CONTENT_FIELD_LABELS['euAiAct.annexIIIArea']}
              value={content.euAiAct.annexIIIArea ?? ''}
              onChange={e =>
                setEuAiAct('euAiAct.annexIIIArea', {
                  annexIIIArea: e.target.value || undefined,
                })
              }
              error={!!errorFor('euAiAct.annexIIIArea')}
              helperText={
                errorFor('euAiAct.annexIIIArea') ??
                'For high-risk systems under Annex III.'
              }
            >
              <option value="">None</option>
              {ANNEX_III_AREAS.map(a => (
                <option key={a.id} value={a.id}>
                  {a.id} {a.name}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="ia-reasoning"
              label={CONTENT_FIELD_LABELS['euAiAct.reasoning']}
              value={content.euAiAct.reasoning}
              onChange={e =>
                setEuAiAct('euAiAct.reasoning', { reasoning: e.target.value })
              }
              multiline
              minRows={2}
              fullWidth
              variant="outlined"
              error={!!errorFor('euAiAct.reasoning')}
              helperText={
                errorFor('euAiAct.reasoning') ??
                'Why the system falls in this tier.'
              }
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <TextField
              id="ia-nextReviewDate"
              type="date"
              label={CONTENT_FIELD_LABELS.nextReviewDate}
              value={content.nextReviewDate}
              onChange={e => setText('nextReviewDate', e.target.value)}
              InputLabelProps={{ shrink: true }}
              fullWidth
              error={!!errorFor('nextReviewDate')}
              helperText={
                errorFor('nextReviewDate') ??
                'The approved assessment expires on this date.'
              }
            />
          </Grid>
        </Grid>
      </Paper>

      <Paper className={classes.actions} elevation={3}>
        {conflict && (
          <Box mb={2}>
            <ConflictAlert what="assessment" onReload={onReload} />
          </Box>
        )}
        {error && (
          <Box mb={2}>
            <ResponseErrorPanel
              error={error}
              title="Could not save the impact assessment"
            />
          </Box>
        )}
        {completeProblems.length > 0 && (
          <Box mb={2} data-testid="submit-blockers">
            <Typography variant="subtitle2">
              Before you can submit for review ({completeProblems.length}):
            </Typography>
            <ul style={{ margin: 0, maxHeight: 160, overflowY: 'auto' }}>
              {completeProblems.map(p => (
                <li key={`${p.field}:${p.message}`}>
                  <Typography variant="body2">
                    {readableProblem(p, content)}
                  </Typography>
                </li>
              ))}
            </ul>
          </Box>
        )}
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Button
            variant="outlined"
            color="primary"
            onClick={onSave}
            disabled={
              !!busy ||
              conflict ||
              draftProblems.length > 0 ||
              (!dirty && revision !== undefined)
            }
          >
            {busy === 'save' ? 'Saving…' : 'Save draft'}
          </Button>
          <Button
            variant="contained"
            color="primary"
            onClick={onSubmit}
            disabled={!canSubmit}
          >
            {busy === 'submit' ? 'Submitting…' : 'Submit for review'}
          </Button>
          {onCancel && (
            <Button onClick={onCancel} disabled={!!busy}>
              Cancel
            </Button>
          )}
          <Typography variant="caption" color="textSecondary">
            {draftProblems.length > 0 && 'Fix the highlighted fields to save. '}
            {dirty ? 'Unsaved changes' : savedAt && 'Draft saved'}
          </Typography>
        </Box>
      </Paper>
    </Box>
  );
}
