// MUI's spinners and bars are progressbars, and a progressbar must say what it is (axe-core's
// aria-progressbar-name). Ours are <Spinner>; react-admin's own (the top bar's spinner, the bars of
// reference fields) get the same name from <NamedProgress> around the layout; the page shown while
// the panel starts is ours (<PanelLoadingPage>). "読み込み中" / "Loading".
import { type ReactNode, useCallback } from 'react';
import { Box, CircularProgress, ThemeProvider, Typography, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

const useLoadingLabel = () => useTranslate()('ra.page.loading');

export const Spinner = ({ size }: { size?: number }) => <CircularProgress size={size} aria-label={useLoadingLabel()} />;

/** The panel's theme, with every MUI progressbar inside named in the current language. */
export const NamedProgress = ({ children }: { children: ReactNode }) => {
  const label = useLoadingLabel();
  // the same function while the language stays: a new one would make a new theme on every render
  const named = useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { ...outer.components?.MuiCircularProgress?.defaultProps, 'aria-label': label } },
        MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { ...outer.components?.MuiLinearProgress?.defaultProps, 'aria-label': label } },
      },
    }),
    [label],
  );
  return <ThemeProvider theme={named}>{children}</ThemeProvider>;
};

/**
 * The page while the panel starts (a reload: the session is checked again), instead of react-admin's
 * LoadingPage, whose spinner has no name, whose second line is 2.7:1 on the background and which has
 * no h1 (axe-core, tests/e2e/accessibility.test.ts).
 */
export const PanelLoadingPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', minHeight: '100vh', gap: 1, px: 2, textAlign: 'center' }}>
      <Spinner size={32} />
      <Typography component="h1" variant="h6">
        {translate('ra.page.loading')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('ra.message.loading')}
      </Typography>
    </Box>
  );
};
