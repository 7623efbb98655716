// The default react-admin look, with Japanese fonts first.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const fontFamily = ['"Noto Sans JP"', '"Hiragino Kaku Gothic ProN"', '"Hiragino Sans"', '"Yu Gothic UI"', 'Meiryo', 'Roboto', 'sans-serif'].join(',');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...defaultTheme.typography, fontFamily },
  sidebar: { width: 220, closedWidth: 55 },
};
