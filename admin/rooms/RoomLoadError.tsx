// The room screens' answer to a failed read of a room or a room form.
import { Alert } from '@mui/material';
import { errorCode } from '../graphql/errors';
import { RoomNotFound } from './ui';

/** A room screen whose read failed: a room the caller may not read looks like no room at all; anything else is said as the server said it. */
export const RoomLoadError = ({ error }: { error: unknown }) =>
  ['NOT_FOUND', 'FORBIDDEN'].includes(errorCode(error) ?? '') ? (
    <RoomNotFound />
  ) : (
    <Alert severity="error" sx={{ mt: 2 }}>
      {(error as Error).message}
    </Alert>
  );
