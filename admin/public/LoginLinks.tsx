// Under the sign-in form: the pages used without an account.
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Divider, Link, Stack } from '@mui/material';

export const LoginLinks = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} sx={{ pt: 1 }}>
      <Divider />
      <Link component={RouterLink} to="/activate" variant="body2">
        {translate('app.activation.link')}
      </Link>
      <Link component={RouterLink} to="/apply" variant="body2">
        {translate('app.public_apply.link')}
      </Link>
    </Stack>
  );
};
