// The app bar: the page title (the page's h1), the system name, the language switch and a user
// menu with the password change and sign-out. On a phone it shrinks to fit 390 px: the title
// ends in an ellipsis and the language and user buttons are icons only (named for screen readers).
import { useState, type Ref } from 'react';
import { AppBar as RaAppBar, LinkBase, LoadingIndicator, Logout, TitlePortal, UserMenu, useGetIdentity, useLocaleState, useLocales, useTranslate, useUserMenu } from 'react-admin';
import { Box, Button, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip, Typography, useMediaQuery, type Theme } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import TranslateIcon from '@mui/icons-material/Translate';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';

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

/**
 * The user button shows the user's name; its accessible name starts with that name (WCAG 2.5.3,
 * "label in name": react-admin's default names it プロフィール while showing the name).
 */
const PanelUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const menu = translate('ra.auth.user_menu');
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}（${menu}）` : menu}>
      <ChangePasswordItem />
      <Logout />
    </UserMenu>
  );
};

/** 日本語 / English: the language's name on wide screens, the icon alone on a phone. */
const LanguageButton = () => {
  const translate = useTranslate();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const narrow = useMediaQuery<Theme>((t) => t.breakpoints.down('sm'));
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (locales.length < 2) return null;
  const current = locales.find((l) => l.locale === locale)?.name ?? locale;
  const label = `${current}（${translate('layout.language')}）`;
  return (
    <>
      {narrow ? (
        <Tooltip title={label}>
          <IconButton color="inherit" aria-label={label} aria-haspopup="menu" aria-controls="language-menu" onClick={(e) => setAnchor(e.currentTarget)}>
            <TranslateIcon />
          </IconButton>
        </Tooltip>
      ) : (
        <Button
          color="inherit"
          aria-label={label}
          aria-haspopup="menu"
          aria-controls="language-menu"
          startIcon={<TranslateIcon />}
          endIcon={<ExpandMoreIcon fontSize="small" />}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          {current}
        </Button>
      )}
      <Menu id="language-menu" anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem
            key={l.locale}
            lang={l.locale}
            selected={l.locale === locale}
            onClick={() => {
              setAnchor(null);
              void setLocale(l.locale);
            }}
          >
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

const Toolbar = () => (
  <>
    <LanguageButton />
    <LoadingIndicator />
  </>
);

export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar userMenu={<PanelUserMenu />} toolbar={<Toolbar />}>
      {/* every page's title, so every page has one h1 */}
      <TitlePortal component="h1" sx={{ fontSize: { xs: '1.05rem', sm: '1.25rem' }, minWidth: 0 }} />
      <Box sx={{ display: { xs: 'none', md: 'block' }, mr: 1 }}>
        <Typography variant="body2">{translate('app.title')}</Typography>
      </Box>
    </RaAppBar>
  );
};
