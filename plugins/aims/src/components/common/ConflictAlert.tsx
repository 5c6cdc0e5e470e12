import { Button } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { ResponseError } from '@backstage/errors';

export function isConflict(error: unknown): boolean {
  return (
    ResponseError.is(error as Error) &&
    (error as ResponseError).statusCode === 409
  );
}

/** A 409 from the backend: someone else saved first. Never overwrite; offer a reload. */
export function ConflictAlert(props: { what: string; onReload: () => void }) {
  return (
    <Alert
      severity="warning"
      data-testid="conflict"
      action={
        <Button color="inherit" size="small" onClick={props.onReload}>
          Reload
        </Button>
      }
    >
      Someone else changed this {props.what} — reload to see their changes. Your
      edits were not saved.
    </Alert>
  );
}
