import { ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { Typography } from '@material-ui/core';

function isNotFound(error: Error): boolean {
  if (ResponseError.is(error)) return error.statusCode === 404;
  return error.name === 'NotFoundError';
}

/** 404 from /status means AIMS has not seen the entity yet: say so instead of an error. */
export function StatusError(props: { error: Error; notFoundText: string }) {
  const { error, notFoundText } = props;
  if (isNotFound(error)) {
    return (
      <Typography variant="body2" color="textSecondary">
        {notFoundText}
      </Typography>
    );
  }
  return <ResponseErrorPanel error={error} />;
}
