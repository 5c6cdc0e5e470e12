import { Evidence } from '@aims-backstage/backstage-plugin-aims-common';
import { useState } from 'react';
import {
  Box,
  Button,
  Chip,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import { Link } from '@backstage/core-components';

import { formatDate } from '../common/labels';
import { EVIDENCE_STATUS_LABELS } from './labels';

/** "2/3 current" — how many of a control's evidence items count now. */
export function evidenceCount(evidence: Evidence[]): string {
  return `${evidence.filter(e => e.current).length}/${evidence.length} current`;
}

/** One evidence item: its link or reference, status, why it is (not) current, expiry. */
export function EvidenceLine(props: {
  item: Evidence;
  onEdit?: (item: Evidence) => void;
}) {
  const { item, onEdit } = props;
  let source: JSX.Element | string | null = null;
  if (item.live) source = `Live: deployment source ${item.live.id}`;
  else if (item.reference) source = `Reference: ${item.reference}`;
  return (
    <ListItem
      dense
      disableGutters
      data-testid={`evidence-${item.id}`}
      data-current={item.current}
    >
      <ListItemText
        primary={
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 8, minWidth: 0, overflowWrap: 'anywhere' }}
          >
            {item.href ? (
              <Link to={item.href}>{item.title}</Link>
            ) : (
              <span>{item.title}</span>
            )}
            <Chip
              size="small"
              label={EVIDENCE_STATUS_LABELS[item.status] ?? item.status}
              color={item.current ? 'primary' : 'default'}
              variant={item.current ? 'default' : 'outlined'}
            />
          </Box>
        }
        secondary={
          <>
            {item.standing}
            {item.expiresAt ? ` · expires ${formatDate(item.expiresAt)}` : ''}
            {source ? ` · ${source}` : ''}
          </>
        }
      />
      {onEdit && (
        <IconButton
          size="small"
          aria-label={`Edit evidence ${item.title}`}
          onClick={() => onEdit(item)}
          className="aims-no-print"
        >
          <EditIcon fontSize="small" />
        </IconButton>
      )}
    </ListItem>
  );
}

/**
 * A control's evidence as "n/m current", expanding to the list; `expanded` shows it open
 * (the print view).
 */
export function EvidenceCell(props: {
  evidence: Evidence[];
  onEdit?: (item: Evidence) => void;
  onAdd?: () => void;
  expanded?: boolean;
  controlId: string;
}) {
  const { evidence, onEdit, onAdd, controlId } = props;
  const [open, setOpen] = useState(false);
  const shown = props.expanded || open;
  return (
    <Box data-testid={`evidence-cell-${controlId}`}>
      {evidence.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None
        </Typography>
      )}
      {evidence.length > 0 && props.expanded && (
        <Typography variant="body2">{evidenceCount(evidence)}</Typography>
      )}
      {evidence.length > 0 && !props.expanded && (
        <Button
          size="small"
          onClick={() => setOpen(o => !o)}
          aria-expanded={shown}
          aria-label={`Evidence of ${controlId}: ${evidenceCount(evidence)}`}
          style={{ textTransform: 'none', padding: 0, minWidth: 0 }}
        >
          {evidenceCount(evidence)}
        </Button>
      )}
      {shown && evidence.length > 0 && (
        <List dense disablePadding>
          {evidence.map(e => (
            <EvidenceLine key={e.id} item={e} onEdit={onEdit} />
          ))}
        </List>
      )}
      {onAdd && (
        <Button
          size="small"
          color="primary"
          onClick={onAdd}
          className="aims-no-print"
          aria-label={`Add evidence to ${controlId}`}
        >
          Add evidence
        </Button>
      )}
    </Box>
  );
}
