// The default react-admin look, with Japanese fonts first and colours that pass WCAG AA contrast:
// react-admin's light-blue top bar (#2196f3) gives white text 3.1:1 and MUI's primary (#1976d2)
// 4.0:1 on a filled input's grey, both under the 4.5:1 AA asks for (axe, tests/e2e/accessibility).
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const fontFamily = ['"Noto Sans JP"', '"Hiragino Kaku Gothic ProN"', '"Hiragino Sans"', '"Yu Gothic UI"', 'Meiryo', 'Roboto', 'sans-serif'].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    // blue 800: 5.8:1 with white, 5.1:1 on a filled input
    primary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    // the top bar: light blue 900, 7.6:1 with white
    secondary: { light: '#4f83cc', main: '#01579b', dark: '#002f6c', contrastText: '#fff' },
  },
  typography: { ...defaultTheme.typography, fontFamily },
  sidebar: { width: 220, closedWidth: 55 },
};
