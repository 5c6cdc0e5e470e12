import { ReactNode } from 'react';
import { Grid, Typography, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  label: {
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
    fontSize: '10px',
    fontWeight: 'bold',
    letterSpacing: 0.5,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  value: {
    fontWeight: 'bold',
    overflow: 'hidden',
    lineHeight: '24px',
    wordBreak: 'break-word',
  },
  empty: { color: theme.palette.text.secondary, fontStyle: 'italic' },
}));

/** One labelled value, like the catalog's About card. */
export function Field(props: {
  label: string;
  children?: ReactNode;
  gridSizes?: Record<string, number>;
  empty?: string;
}) {
  const { label, children, gridSizes, empty = 'None' } = props;
  const classes = useStyles();
  const isEmpty =
    children === undefined ||
    children === null ||
    children === '' ||
    (Array.isArray(children) && children.length === 0);
  return (
    <Grid
      item
      {...(gridSizes ?? { xs: 12 })}
      data-testid={`field-${label
        .toLocaleLowerCase('en-US')
        .replace(/\W+/g, '-')}`}
    >
      <Typography variant="h2" className={classes.label}>
        {label}
      </Typography>
      {isEmpty ? (
        <Typography variant="body2" className={classes.empty}>
          {empty}
        </Typography>
      ) : (
        <Typography variant="body2" component="div" className={classes.value}>
          {children}
        </Typography>
      )}
    </Grid>
  );
}
