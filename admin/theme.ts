// The default react-admin look, with Japanese fonts first, adjusted where axe-core
// (tests/e2e/accessibility.test.ts) finds WCAG AA failures: colours with white text or on white
// below 4.5:1 (react-admin's light-blue top bar #2196f3 gives 3.1:1, MUI's orange warning 3.1:1),
// the faded "nothing here yet" text of empty lists, and the row checkboxes of react-admin's
// DataTable, whose name sits on a span instead of the checkbox.
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import type { CheckboxOwnerState } from '@mui/material';

const fontFamily = ['"Noto Sans JP"', '"Hiragino Kaku Gothic ProN"', '"Hiragino Sans"', '"Yu Gothic UI"', 'Meiryo', 'Roboto', 'sans-serif'].join(',');

/** react-admin's SelectRowCheckbox: <Checkbox aria-label="この行を選択" className="select-item …">. */
const isRowCheckbox = (o: CheckboxOwnerState) => typeof o.className === 'string' && o.className.includes('RaDataTable-checkbox');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    // blue 800: 5.8:1 with white, 5.0:1 under a focused filled input's label
    primary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    // the top bar: light blue 900, 7.4:1 with white
    secondary: { light: '#4f83cc', main: '#01579b', dark: '#002f6c', contrastText: '#fff' },
    // 5.6:1 and 4.8:1 with white (MUI's #ed6c02 and #0288d1: 3.1 and 3.9)
    warning: { light: '#ff9800', main: '#a84e00', dark: '#7a3900', contrastText: '#fff' },
    info: { light: '#03a9f4', main: '#0277bd', dark: '#01579b', contrastText: '#fff' },
  },
  typography: { ...defaultTheme.typography, fontFamily },
  sidebar: { width: 220, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    // react-admin writes the empty list's message in the disabled grey (2.7:1)
    RaEmpty: { styleOverrides: { root: ({ theme }: { theme: { palette: { text: { secondary: string } } } }) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
    // a table wider than a phone scrolls inside its card, not the page (nothing may scroll sideways);
    // the table's own wrapper scrolls, so the bulk-actions bar that slides over the list's actions is not clipped
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
    RaDataTable: { styleOverrides: { root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } } },
    MuiCheckbox: {
      defaultProps: {
        // move a DataTable row checkbox's name from the span (aria-label is not allowed there) to its input
        slotProps: {
          root: (o: CheckboxOwnerState) => (isRowCheckbox(o) ? { 'aria-label': undefined } : {}),
          input: (o: CheckboxOwnerState) => (isRowCheckbox(o) ? { 'aria-label': (o as { 'aria-label'?: string })['aria-label'] } : {}),
        },
      },
    },
  },
};
