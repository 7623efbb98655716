// The frame of the pages used without signing in (新規登録申請, 利用開始): system name, language
// switch, a title, the content; wider than the sign-in card for long forms.
import type { ReactNode } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { Box, Card, CardContent, Typography } from '@mui/material';

export const PublicFrame = ({ title, children, maxWidth = 960 }: { title: string; children: ReactNode; maxWidth?: number }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e3f2fd 0%, #f1f8e9 100%)', py: { xs: 2, md: 5 }, px: 2 }}>
      <Card sx={{ width: '100%', maxWidth, mx: 'auto' }} component="main">
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
            {translate('app.title')}
          </Typography>
          <LocalesMenuButton />
        </Box>
        <CardContent sx={{ pt: 0 }}>
          <Typography variant="h5" component="h1" sx={{ mb: 2, mt: 1 }}>
            {translate(title)}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
};
