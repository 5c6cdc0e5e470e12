import { Box, Button, Grid, IconButton, TextField } from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { DocumentLink } from './labels';

/** Problems of document links the form can tell before sending, by index. */
export function documentProblems(docs: DocumentLink[]): Record<number, string> {
  const p: Record<number, string> = {};
  docs.forEach((d, i) => {
    if (!d.title.trim()) p[i] = 'Each document needs a title';
    else if (!/^https?:\/\/\S+$/i.test(d.href.trim()))
      p[i] = 'Each document needs an http(s) link';
  });
  return p;
}

/** The policies, procedures and records a control points to: title and link rows. */
export function DocumentsEditor(props: {
  documents: DocumentLink[];
  onChange: (docs: DocumentLink[]) => void;
  showErrors: boolean;
}) {
  const { documents, onChange, showErrors } = props;
  const problems = documentProblems(documents);
  const setDoc = (i: number, patch: Partial<DocumentLink>) =>
    onChange(documents.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <Box>
      {documents.map((d, i) => (
        <Grid container spacing={1} key={i} alignItems="flex-start">
          <Grid item xs={5}>
            <TextField
              fullWidth
              label="Document title"
              value={d.title}
              inputProps={{ 'aria-label': `Document ${i + 1} title` }}
              onChange={e => setDoc(i, { title: e.target.value })}
              error={showErrors && !!problems[i]}
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
              error={showErrors && !!problems[i]}
              helperText={showErrors ? problems[i] : undefined}
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
