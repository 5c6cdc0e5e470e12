import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogContent,
  DialogTitle,
  Grid,
  IconButton,
  TextField,
  Typography,
} from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import DeleteIcon from '@material-ui/icons/Delete';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  ANNEX_A_CONTROLS,
  AnnexAControl,
  RISK_TREATMENTS,
  Risk,
  RiskInput,
  RiskMatrix,
  RiskTreatment,
  RiskTreatmentAction,
  aimsRiskAssignOwnerPermission,
  isAboveAcceptance,
  maySignOffRisk,
  riskBand,
  riskScore,
  pickRiskInput,
  validateRiskInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { RiskScoreChip } from '../chips';
import {
  DialogSaveActions,
  SaveProblems,
  useDialogSave,
} from '../common/DialogSave';
import {
  TREATMENT_LABELS,
  dimensionName,
  problemsByField,
} from '../common/labels';
import { usePermission } from '@backstage/plugin-permission-react';
import { sameRef, useOwnershipRefs } from '../common/useCurrentUser';

type Rating = { likelihood?: number; impact?: number };
type RiskDraft = Omit<RiskInput, 'inherent' | 'residual'> & {
  inherent: Rating;
  residual: Rating;
};

/**
 * A new risk starts without a risk owner: the owner signs off the residual risk, so it should
 * be someone accountable other than its author, and naming yourself (or your group) needs
 * aims.risk.assignOwner — a default of the signed-in user would lead most authors into a 403.
 */
function initialDraft(
  risk: Risk | undefined,
  prefill: Partial<RiskInput> | undefined,
): RiskDraft {
  const base: RiskDraft = {
    title: '',
    description: '',
    inherent: {},
    residual: {},
    treatment: 'mitigate',
    actions: [],
    controls: [],
    riskOwner: '',
  };
  if (risk) return pickRiskInput(risk) as RiskDraft;
  return { ...base, ...prefill } as RiskDraft;
}

/** What goes over the wire: only the fields of RiskInput. */
function toInput(d: RiskDraft): RiskInput {
  return pickRiskInput(d) as RiskInput;
}

function RatingSelect(props: {
  id: string;
  label: string;
  levels: number;
  value?: number;
  onChange: (v?: number) => void;
  error?: string;
}) {
  return (
    <TextField
      id={props.id}
      select
      fullWidth
      SelectProps={{ native: true }}
      label={props.label}
      value={props.value ?? ''}
      onChange={e =>
        props.onChange(
          e.target.value === '' ? undefined : Number(e.target.value),
        )
      }
      error={!!props.error}
      helperText={props.error}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">—</option>
      {Array.from({ length: props.levels }, (_, i) => i + 1).map(n => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </TextField>
  );
}

/** Whether saving `draft` voids the sign-off of `risk` (the backend's rule: a new owner or residual rating). */
function voidsSignOff(risk: Risk, draft: RiskDraft): boolean {
  return (
    !sameRef(risk.riskOwner, draft.riskOwner.trim()) ||
    risk.residual.likelihood !== draft.residual.likelihood ||
    risk.residual.impact !== draft.residual.impact
  );
}

function ScorePreview(props: {
  rating: Rating;
  matrix: RiskMatrix;
  residual?: boolean;
}) {
  const { rating, matrix, residual } = props;
  if (!rating.likelihood || !rating.impact) return null;
  const r = { likelihood: rating.likelihood, impact: rating.impact };
  const score = riskScore(r);
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }} mt={1}>
      <RiskScoreChip score={score} band={riskBand(score, matrix)} />
      {residual && isAboveAcceptance(r, matrix) && (
        <Typography variant="caption" color="error">
          Above the acceptance threshold ({matrix.acceptanceThreshold}): the
          risk owner must sign it off.
        </Typography>
      )}
    </Box>
  );
}

function RiskForm(props: {
  aiSystemRef: string;
  risk?: Risk;
  prefill?: Partial<RiskInput>;
  matrix: RiskMatrix;
  onClose: () => void;
  onSaved: (risk: Risk) => void;
}) {
  const { aiSystemRef, risk, prefill, matrix, onClose, onSaved } = props;
  const aimsApi = useApi(aimsApiRef);
  const ownershipRefs = useOwnershipRefs();
  // who owns a risk is its own decision (aims.risk.assignOwner, the shipped policy:
  // compliance); the current risk owner may hand it on. A new risk names its first owner.
  const assignOwner = usePermission({
    permission: aimsRiskAssignOwnerPermission,
    resourceRef: aiSystemRef,
  });
  const mayChangeOwner =
    !risk || assignOwner.allowed || maySignOffRisk(risk, ownershipRefs);
  const [draft, setDraft] = useState<RiskDraft>(() =>
    initialDraft(risk, prefill),
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const { busy, error, conflict, run } = useDialogSave();

  // the backend's rule for a new risk: naming yourself or your group as its owner needs
  // aims.risk.assignOwner (you would sign off your own risk); said here before saving
  const namesSelfWithoutPermission =
    !risk &&
    !assignOwner.loading &&
    !assignOwner.allowed &&
    maySignOffRisk({ riskOwner: draft.riskOwner }, ownershipRefs);
  let ownerHelp =
    'The catalog user or group who owns the risk and signs off its residual level.';
  if (namesSelfWithoutPermission) {
    ownerHelp =
      'You may not name yourself or a group you belong to: the risk owner signs off the risk, not its author (only holders of aims.risk.assignOwner, compliance, may).';
  } else if (!risk) {
    ownerHelp =
      'The catalog user or group accountable for the risk, who signs off its residual level: usually not you, its author (naming yourself or your group needs aims.risk.assignOwner).';
  } else if (!mayChangeOwner) {
    ownerHelp =
      'Only the current risk owner or compliance (aims.risk.assignOwner) may change who owns this risk.';
  }
  const problems = useMemo(
    () => validateRiskInput(toInput(draft), matrix),
    [draft, matrix],
  );
  const errors = useMemo(() => problemsByField(problems), [problems]);
  const errorFor = (field: string) => {
    if (!errors[field]) return undefined;
    const isTouched =
      showAll ||
      touched.has(field) ||
      [...touched].some(
        t => field.startsWith(`${t}.`) || field.startsWith(`${t}[`),
      );
    return isTouched ? errors[field] : undefined;
  };
  const set = (field: string, patch: Partial<RiskDraft>) => {
    setDraft(d => ({ ...d, ...patch }));
    setTouched(prev => (prev.has(field) ? prev : new Set(prev).add(field)));
  };
  const setAction = (
    i: number,
    patch: Partial<RiskTreatmentAction>,
    field: string,
  ) =>
    set(`actions[${i}].${field}`, {
      actions: draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    });

  const save = async () => {
    if (problems.length || namesSelfWithoutPermission) {
      setShowAll(true);
      return;
    }
    await run(async () => {
      const saved = risk
        ? await aimsApi.updateRisk(risk.id, toInput(draft), risk.revision)
        : await aimsApi.createRisk(aiSystemRef, toInput(draft));
      onSaved(saved);
    });
  };

  const selectedControls = draft.controls
    .map(id => ANNEX_A_CONTROLS.find(c => c.id === id))
    .filter((c): c is AnnexAControl => !!c);

  return (
    <>
      <DialogContent dividers>
        <Grid container spacing={2}>
          {draft.source && (
            <Grid item xs={12}>
              <Typography variant="body2" color="textSecondary">
                Raised from impact-assessment v
                {draft.source.impactAssessmentVersion},{' '}
                {dimensionName(draft.source.dimension)}
              </Typography>
            </Grid>
          )}
          <Grid item xs={12}>
            <TextField
              id="risk-title"
              label="Title"
              fullWidth
              value={draft.title}
              onChange={e => set('title', { title: e.target.value })}
              error={!!errorFor('title')}
              helperText={errorFor('title')}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="risk-description"
              label="Description"
              fullWidth
              multiline
              minRows={2}
              value={draft.description}
              onChange={e =>
                set('description', { description: e.target.value })
              }
              error={!!errorFor('description')}
              helperText={errorFor('description')}
            />
          </Grid>
          {(['inherent', 'residual'] as const).map(k => (
            <Grid item xs={12} md={6} key={k}>
              <Typography variant="subtitle2">
                {k === 'inherent'
                  ? 'Inherent risk (before treatment)'
                  : 'Residual risk (after treatment)'}
              </Typography>
              <Grid container spacing={1}>
                <Grid item xs={6}>
                  <RatingSelect
                    id={`risk-${k}-likelihood`}
                    label="Likelihood"
                    levels={matrix.likelihoodLevels}
                    value={draft[k].likelihood}
                    onChange={v =>
                      set(`${k}.likelihood`, {
                        [k]: { ...draft[k], likelihood: v },
                      })
                    }
                    error={errorFor(`${k}.likelihood`)}
                  />
                </Grid>
                <Grid item xs={6}>
                  <RatingSelect
                    id={`risk-${k}-impact`}
                    label="Impact"
                    levels={matrix.impactLevels}
                    value={draft[k].impact}
                    onChange={v =>
                      set(`${k}.impact`, { [k]: { ...draft[k], impact: v } })
                    }
                    error={errorFor(`${k}.impact`)}
                  />
                </Grid>
              </Grid>
              {errorFor(k) && (
                <Typography
                  variant="caption"
                  color="error"
                  data-testid={`risk-${k}-error`}
                >
                  {errorFor(k)}
                </Typography>
              )}
              <ScorePreview
                rating={draft[k]}
                matrix={matrix}
                residual={k === 'residual'}
              />
            </Grid>
          ))}
          <Grid item xs={12} md={6}>
            <TextField
              id="risk-treatment"
              select
              fullWidth
              SelectProps={{ native: true }}
              label="Treatment"
              value={draft.treatment}
              onChange={e =>
                set('treatment', { treatment: e.target.value as RiskTreatment })
              }
              error={!!errorFor('treatment')}
              helperText={errorFor('treatment')}
            >
              {RISK_TREATMENTS.map(t => (
                <option key={t} value={t}>
                  {TREATMENT_LABELS[t]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} md={6}>
            <TextField
              id="risk-owner"
              label="Risk owner"
              fullWidth
              placeholder="user:default/jane.doe"
              value={draft.riskOwner}
              onChange={e => set('riskOwner', { riskOwner: e.target.value })}
              disabled={!mayChangeOwner}
              error={!!errorFor('riskOwner') || namesSelfWithoutPermission}
              helperText={errorFor('riskOwner') ?? ownerHelp}
            />
            {risk?.signOff && voidsSignOff(risk, draft) && (
              <Typography
                variant="caption"
                color="error"
                data-testid="sign-off-voided"
              >
                Saving voids the sign-off by {risk.signOff.by}: the risk owner
                must sign off again.
              </Typography>
            )}
          </Grid>
          <Grid item xs={12}>
            <Autocomplete
              multiple
              id="risk-controls"
              options={ANNEX_A_CONTROLS as AnnexAControl[]}
              groupBy={c => `${c.categoryId} ${c.categoryTitle}`}
              getOptionLabel={c => `${c.id} ${c.title}`}
              getOptionSelected={(a, b) => a.id === b.id}
              value={selectedControls}
              onChange={(_, value) =>
                set('controls', { controls: value.map(c => c.id) })
              }
              renderInput={params => (
                <TextField
                  {...params}
                  label="Annex A controls"
                  placeholder="Search controls, e.g. A.6.2.4"
                  error={!!errorFor('controls')}
                  helperText={
                    errorFor('controls') ??
                    'The ISO/IEC 42001 Annex A controls that treat this risk.'
                  }
                />
              )}
            />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="subtitle2">Treatment actions</Typography>
            {errorFor('actions') && (
              <Typography
                variant="caption"
                color="error"
                display="block"
                data-testid="risk-actions-error"
              >
                {errorFor('actions')}
              </Typography>
            )}
            {draft.actions.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                No actions yet.
              </Typography>
            )}
            {draft.actions.map((a, i) => (
              <Grid
                container
                spacing={1}
                key={i}
                alignItems="flex-start"
                data-testid={`risk-action-${i}`}
              >
                <Grid item xs={12} md={4}>
                  <TextField
                    label="Action"
                    fullWidth
                    value={a.description}
                    inputProps={{ 'aria-label': `Action ${i + 1} description` }}
                    onChange={e =>
                      setAction(
                        i,
                        { description: e.target.value },
                        'description',
                      )
                    }
                    error={!!errorFor(`actions[${i}].description`)}
                    helperText={errorFor(`actions[${i}].description`)}
                  />
                </Grid>
                <Grid item xs={12} md={3}>
                  <TextField
                    label="Owner"
                    fullWidth
                    value={a.owner}
                    inputProps={{ 'aria-label': `Action ${i + 1} owner` }}
                    onChange={e =>
                      setAction(i, { owner: e.target.value }, 'owner')
                    }
                    error={!!errorFor(`actions[${i}].owner`)}
                    helperText={errorFor(`actions[${i}].owner`)}
                  />
                </Grid>
                <Grid item xs={6} md={2}>
                  <TextField
                    label="Due"
                    type="date"
                    fullWidth
                    InputLabelProps={{ shrink: true }}
                    value={a.dueDate}
                    inputProps={{ 'aria-label': `Action ${i + 1} due date` }}
                    onChange={e =>
                      setAction(i, { dueDate: e.target.value }, 'dueDate')
                    }
                    error={!!errorFor(`actions[${i}].dueDate`)}
                    helperText={errorFor(`actions[${i}].dueDate`)}
                  />
                </Grid>
                <Grid item xs={4} md={2}>
                  <TextField
                    label="Status"
                    select
                    fullWidth
                    SelectProps={{ native: true }}
                    value={a.status}
                    inputProps={{ 'aria-label': `Action ${i + 1} status` }}
                    onChange={e =>
                      setAction(
                        i,
                        { status: e.target.value as 'open' | 'done' },
                        'status',
                      )
                    }
                  >
                    <option value="open">Open</option>
                    <option value="done">Done</option>
                  </TextField>
                </Grid>
                <Grid item xs={2} md={1}>
                  <IconButton
                    aria-label={`Remove action ${i + 1}`}
                    onClick={() =>
                      set('actions', {
                        actions: draft.actions.filter((_, j) => j !== i),
                      })
                    }
                  >
                    <DeleteIcon />
                  </IconButton>
                </Grid>
              </Grid>
            ))}
            <Box mt={1}>
              <Button
                size="small"
                onClick={() =>
                  set('actions', {
                    actions: [
                      ...draft.actions,
                      {
                        description: '',
                        owner: draft.riskOwner,
                        dueDate: '',
                        status: 'open',
                      },
                    ],
                  })
                }
              >
                Add action
              </Button>
            </Box>
          </Grid>
        </Grid>
        <SaveProblems
          conflict={conflict}
          error={error}
          what="risk"
          errorTitle="Could not save the risk"
          onReload={onClose}
        />
      </DialogContent>
      <DialogSaveActions
        fixHint={
          showAll && problems.length > 0
            ? `Fix ${problems.length} problem${
                problems.length === 1 ? '' : 's'
              } to save.`
            : undefined
        }
        saveLabel={risk ? 'Save risk' : 'Add risk'}
        busy={busy}
        conflict={conflict}
        onCancel={onClose}
        onSave={save}
      />
    </>
  );
}

/** Create or edit a risk of an AI system, validated as you type with the shared rules. */
export function RiskDialog(props: {
  open: boolean;
  aiSystemRef: string;
  risk?: Risk;
  prefill?: Partial<RiskInput>;
  matrix?: RiskMatrix;
  onClose: () => void;
  onSaved: (risk: Risk) => void;
}) {
  const { open, matrix, risk, onClose } = props;
  const aimsApi = useApi(aimsApiRef);
  const loaded = useAsync(
    async () => matrix ?? (await aimsApi.getRiskMatrix()),
    [aimsApi, matrix],
  );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="risk-dialog-title"
    >
      <DialogTitle id="risk-dialog-title">
        {risk ? `Edit risk: ${risk.title}` : 'New risk'}
      </DialogTitle>
      {loaded.error && (
        <DialogContent>
          <ResponseErrorPanel
            error={loaded.error}
            title="Could not load the risk matrix"
          />
        </DialogContent>
      )}
      {loaded.loading && (
        <DialogContent>
          <Progress />
        </DialogContent>
      )}
      {loaded.value && <RiskForm {...props} matrix={loaded.value} />}
    </Dialog>
  );
}
