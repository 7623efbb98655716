// "パスワード変更" for a signed-in user (custom route /password).
import { Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { PasswordChangeForm } from './PasswordChangeForm';

export const ChangePasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Box sx={{ mt: 2, maxWidth: 520 }}>
      <Title title="app.menu.change_password" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.auth.password_policy_help')}
          </Typography>
          <PasswordChangeForm
            onChanged={() => {
              notify('app.auth.password_changed', { type: 'success' });
              redirect('/');
            }}
          />
        </CardContent>
      </Card>
    </Box>
  );
};
