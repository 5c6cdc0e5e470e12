import { KeyboardEvent, useState } from 'react';
import { Box, Chip, TextField } from '@material-ui/core';

/**
 * A list of strings as chips with a text field: Enter or comma adds, the chip's delete
 * removes. What is typed but not yet added is added on blur.
 */
export function ChipInput(props: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  helperText?: string;
  error?: string;
  placeholder?: string;
  disabled?: boolean;
  id: string;
}) {
  const {
    label,
    values,
    onChange,
    helperText,
    error,
    placeholder,
    disabled,
    id,
  } = props;
  const [text, setText] = useState('');
  const add = () => {
    const parts = text
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)
      .filter(s => !values.includes(s));
    if (parts.length) onChange([...values, ...parts]);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !text && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <Box>
      <TextField
        id={id}
        fullWidth
        label={label}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={e => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        error={!!error}
        helperText={error ?? helperText ?? 'Press Enter to add'}
        InputProps={{
          startAdornment: values.length ? (
            <Box display="flex" flexWrap="wrap" mr={1} style={{ gap: 4 }}>
              {values.map(v => (
                <Chip
                  key={v}
                  size="small"
                  label={v}
                  onDelete={
                    disabled
                      ? undefined
                      : () => onChange(values.filter(x => x !== v))
                  }
                />
              ))}
            </Box>
          ) : undefined,
        }}
      />
    </Box>
  );
}
