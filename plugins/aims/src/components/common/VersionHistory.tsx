import { ReactNode, useState } from 'react';
import {
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { FieldChange } from '@aims-backstage/backstage-plugin-aims-common';
import { ActorLink } from './ActorLink';
import { ChangeTable } from './ChangeList';
import { formatTime } from './labels';

/** What the version history shows of one version, whichever record it versions. */
export type VersionSummaryRow = {
  version: number;
  author: string;
  contributors?: string[];
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
};

/**
 * Everyone who wrote or submitted a version (none of them may approve it), the author first;
 * a version stored before contributors were recorded lists its author.
 */
export function Contributors(props: {
  version: Pick<VersionSummaryRow, 'author' | 'contributors'>;
}) {
  const { author, contributors } = props.version;
  const people = contributors?.length ? contributors : [author];
  return (
    <>
      {people.map((c, i) => (
        <span key={c}>
          {i > 0 && ', '}
          <ActorLink actor={c} />
        </span>
      ))}
    </>
  );
}

/** The versions, newest first: status, who wrote them, when, and who approved them. */
export function VersionsTable<V extends VersionSummaryRow>(props: {
  versions: V[];
  ariaLabel: string;
  /** each row's data-testid is this followed by the version number */
  rowTestIdPrefix: string;
  status: (v: V) => ReactNode;
  /** shown under the version number, e.g. where it was imported from */
  note?: (v: V) => ReactNode;
  /** each contributors cell's data-testid is this followed by the version number */
  contributorsTestIdPrefix?: string;
  /** one more column after "Approved" */
  extraColumn?: { title: string; cell: (v: V) => ReactNode };
}) {
  const { versions, status, note, contributorsTestIdPrefix, extraColumn } =
    props;
  return (
    <Table size="small" aria-label={props.ariaLabel}>
      <TableHead>
        <TableRow>
          <TableCell>Version</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Contributors</TableCell>
          <TableCell>Created</TableCell>
          <TableCell>Approved</TableCell>
          {extraColumn && <TableCell>{extraColumn.title}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.map(v => (
          <TableRow
            key={v.version}
            data-testid={`${props.rowTestIdPrefix}${v.version}`}
          >
            <TableCell>
              v{v.version}
              {note?.(v)}
            </TableCell>
            <TableCell>{status(v)}</TableCell>
            <TableCell
              data-testid={
                contributorsTestIdPrefix
                  ? `${contributorsTestIdPrefix}${v.version}`
                  : undefined
              }
            >
              <Contributors version={v} />
            </TableCell>
            <TableCell>{formatTime(v.createdAt)}</TableCell>
            <TableCell>
              {v.approvedBy ? (
                <>
                  <ActorLink actor={v.approvedBy} />
                  <Typography variant="caption" display="block">
                    {formatTime(v.approvedAt)}
                  </Typography>
                </>
              ) : (
                '—'
              )}
            </TableCell>
            {extraColumn && <TableCell>{extraColumn.cell(v)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Pick two versions and see the fields that differ between them. Until someone picks, the
 * defaults are compared (the caller's choice: usually the two newest).
 */
export function VersionCompare(props: {
  /** the version numbers, newest first */
  versions: number[];
  defaultFrom?: number;
  defaultTo?: number;
  /** the changes from one version to the other */
  diff: (from: number, to: number) => Promise<FieldChange[]>;
  /** said when the two versions do not differ */
  sameText: string;
  testId: string;
  /** on the pickers, e.g. to leave them out of a printout */
  className?: string;
  selectWidth: number;
}) {
  const { versions, defaultFrom, defaultTo } = props;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<{
    from: number;
    to: number;
    changes: FieldChange[];
  }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const a = from ?? defaultFrom;
  const b = to ?? defaultTo;

  const compare = async () => {
    if (a === undefined || b === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      setDiff({ from: a, to: b, changes: await props.diff(a, b) });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const select = (
    label: string,
    value: number | undefined,
    set: (v: number) => void,
  ) => (
    <TextField
      select
      label={label}
      SelectProps={{ native: true }}
      value={value ?? ''}
      onChange={e => set(Number(e.target.value))}
      style={{ minWidth: props.selectWidth }}
    >
      {versions.map(v => (
        <option key={v} value={v}>
          v{v}
        </option>
      ))}
    </TextField>
  );

  return (
    <>
      <Box mt={2} className={props.className}>
        {versions.length < 2 ? (
          <Typography variant="body2" color="textSecondary">
            Only one version so far — nothing to compare yet.
          </Typography>
        ) : (
          <Box display="flex" alignItems="flex-end" style={{ gap: 16 }}>
            {select('Compare', a, setFrom)}
            {select('with', b, setTo)}
            <Button
              variant="outlined"
              color="primary"
              onClick={compare}
              disabled={busy || a === undefined || b === undefined || a === b}
            >
              Compare
            </Button>
          </Box>
        )}
      </Box>
      {busy && <Progress />}
      {error && (
        <Box mt={2}>
          <ResponseErrorPanel
            error={error}
            title="Could not load the versions"
          />
        </Box>
      )}
      {diff && !busy && (
        <Box mt={2} data-testid={props.testId}>
          <Typography variant="subtitle2" gutterBottom>
            Changes from v{diff.from} to v{diff.to}
          </Typography>
          <ChangeTable changes={diff.changes} emptyText={props.sameText} />
        </Box>
      )}
    </>
  );
}
