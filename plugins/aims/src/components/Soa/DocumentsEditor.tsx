import {
  Box,
  Button,
  Grid,
  IconButton,
  TextField,
  Typography,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { DocumentLink } from './labels';

/** The policies, procedures and records a control points to: title and link rows. */
export function DocumentsEditor(props: {
  documents: DocumentLink[];
  onChange: (docs: DocumentLink[]) => void;
  /** Problems by field (`documents[0].href`), from the shared validators; shown when given. */
  errors?: Record<string, string>;
}) {
  const { documents, onChange, errors = {} } = props;
  const setDoc = (i: number, patch: Partial<DocumentLink>) =>
    onChange(documents.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <Box>
      <Typography variant="subtitle2">Documents</Typography>
      {documents.map((d, i) => (
        <Grid container spacing={1} key={i} alignItems="flex-start">
          <Grid item xs={5}>
            <TextField
              fullWidth
              label="Document title"
              value={d.title}
              inputProps={{ 'aria-label': `Document ${i + 1} title` }}
              onChange={e => setDoc(i, { title: e.target.value })}
              error={!!errors[`documents[${i}].title`]}
              helperText={errors[`documents[${i}].title`]}
            />
          </Grid>
          <Grid item xs={6}>
            <TextField
              fullWidth
              label="Link"
              placeholder="https://…"
              value={d.href}
              inputProps={{ 'aria-label': `Document ${i + 1} link` }}
              onChange={e => setDoc(i, { href: e.target.value })}
              error={!!errors[`documents[${i}].href`]}
              helperText={errors[`documents[${i}].href`]}
            />
          </Grid>
          <Grid item xs={1}>
            <IconButton
              aria-label={`Remove document ${i + 1}`}
              onClick={() => onChange(documents.filter((_, j) => j !== i))}
            >
              <DeleteIcon />
            </IconButton>
          </Grid>
        </Grid>
      ))}
      <Button
        size="small"
        onClick={() => onChange([...documents, { title: '', href: '' }])}
      >
        Add document link
      </Button>
    </Box>
  );
}
