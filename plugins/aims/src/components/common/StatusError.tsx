import { ResponseErrorPanel } from '@backstage/core-components';
import { Typography } from '@material-ui/core';

/** 404 from /status means AIMS has not seen the entity yet: say so instead of an error. */
export function StatusError(props: { error: Error; notFoundText: string }) {
  const { error, notFoundText } = props;
  if (error.name === 'NotFoundError') {
    return (
      <Typography variant="body2" color="textSecondary">
        {notFoundText}
      </Typography>
    );
  }
  return <ResponseErrorPanel error={error} />;
}
