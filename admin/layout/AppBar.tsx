// The app bar: page title, the system name, the language switch (react-admin adds it for two
// locales) and a user menu with the password change and sign-out.
import type { Ref } from 'react';
import { AppBar as RaAppBar, LinkBase, Logout, TitlePortal, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';

const ChangePasswordItem = ({ ref }: { ref?: Ref<HTMLLIElement> }) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem ref={ref} component={LinkBase} to="/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.menu.change_password')}</ListItemText>
    </MenuItem>
  );
};

const PanelUserMenu = () => (
  <UserMenu>
    <ChangePasswordItem />
    <Logout />
  </UserMenu>
);

export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar userMenu={<PanelUserMenu />}>
      <TitlePortal />
      <Box sx={{ display: { xs: 'none', md: 'block' }, mr: 1 }}>
        <Typography variant="body2" sx={{ opacity: 0.85 }}>
          {translate('app.title')}
        </Typography>
      </Box>
    </RaAppBar>
  );
};
