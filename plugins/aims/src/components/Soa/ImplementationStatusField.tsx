import { TextField } from '@material-ui/core';
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
