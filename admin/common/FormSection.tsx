// A titled group of inputs (or fields) inside a form or a show page.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Divider, Typography } from '@mui/material';

export const FormSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%', mb: 1 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2 }}>
        {translate(title)}
      </Typography>
      <Divider sx={{ mb: 2 }} />
      {children}
    </Box>
  );
};

/** Inputs side by side on wide screens (e.g. 名前 and フリガナ), stacked on narrow ones. */
export const InputRow = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, columnGap: 2, width: '100%', '& > *': { flex: 1 } }}>{children}</Box>
);
