import { Grid, TextField } from '@material-ui/core';
import {
  IMPLEMENTATION_STATUSES,
  IMPLEMENTATION_STATUS_LABELS,
  SoaImplementationStatus,
} from './labels';

/** How far a control is implemented; a control that does not apply is fixed at not applicable. */
export function ImplementationStatusField(props: {
  id: string;
  applicable: boolean;
  value: SoaImplementationStatus;
  onChange: (status: SoaImplementationStatus) => void;
}) {
  const { id, applicable, value, onChange } = props;
  return (
    <TextField
      id={id}
      select
      fullWidth
      SelectProps={{ native: true }}
      label="Implementation status"
      value={applicable ? value : 'not-applicable'}
      disabled={!applicable}
      onChange={e => onChange(e.target.value as SoaImplementationStatus)}
    >
      {IMPLEMENTATION_STATUSES.map(s => (
        <option key={s} value={s}>
          {IMPLEMENTATION_STATUS_LABELS[s]}
        </option>
      ))}
    </TextField>
  );
}

/**
 * Whether a control applies (yes or no) and, beside it, how far it is implemented: the pair of
 * fields of a control mapped to an AI system and of an own control. The ids are
 * `<idPrefix>-applicable` and `<idPrefix>-status`.
 */
export function AppliesAndStatusFields(props: {
  idPrefix: string;
  appliesLabel: string;
  applicable: boolean;
  onApplicable: (applicable: boolean) => void;
  status: SoaImplementationStatus;
  onStatus: (status: SoaImplementationStatus) => void;
}) {
  const { idPrefix, applicable } = props;
  return (
    <>
      <Grid item xs={12} sm={6}>
        <TextField
          id={`${idPrefix}-applicable`}
          select
          fullWidth
          SelectProps={{ native: true }}
          label={props.appliesLabel}
          value={applicable ? 'yes' : 'no'}
          onChange={e => props.onApplicable(e.target.value === 'yes')}
        >
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6}>
        <ImplementationStatusField
          id={`${idPrefix}-status`}
          applicable={applicable}
          value={props.status}
          onChange={props.onStatus}
        />
      </Grid>
    </>
  );
}
