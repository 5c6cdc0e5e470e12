import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { FieldChange } from '@aims-backstage/backstage-plugin-aims-common';
import { fieldLabel, formatValue } from './labels';

const useStyles = makeStyles(theme => ({
  before: {
    color: theme.palette.text.secondary,
    textDecoration: 'line-through',
    wordBreak: 'break-word',
  },
  after: { wordBreak: 'break-word' },
  arrow: { padding: theme.spacing(0, 1), color: theme.palette.text.secondary },
}));

/** "field: before → after", one line each, with readable field labels. */
export function ChangeLine(props: { change: FieldChange }) {
  const classes = useStyles();
  const { change } = props;
  return (
    <Typography variant="body2" component="div" data-testid="change">
      <strong>{fieldLabel(change.field)}</strong>:{' '}
      <span className={classes.before}>{formatValue(change.before)}</span>
      <span className={classes.arrow}>→</span>
      <span className={classes.after}>{formatValue(change.after)}</span>
    </Typography>
  );
}

/** The changes between two documents as a table. */
export function ChangeTable(props: {
  changes: FieldChange[];
  emptyText?: string;
}) {
  const classes = useStyles();
  const { changes, emptyText = 'No differences.' } = props;
  if (!changes.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Changes">
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map(c => (
          <TableRow key={c.field} data-testid="diff-row">
            <TableCell>{fieldLabel(c.field)}</TableCell>
            <TableCell className={classes.before}>
              {formatValue(c.before)}
            </TableCell>
            <TableCell className={classes.after}>
              {formatValue(c.after)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
