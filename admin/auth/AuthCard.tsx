// The frame of the sign-in pages: system name, language switch, one step's content.
import type { ReactNode } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { Avatar, Box, Card, CardContent, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';

export const AuthCard = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #e3f2fd 0%, #f1f8e9 100%)',
        py: 6,
        px: 2,
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 480 }} component="main">
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 1 }}>
          <LocalesMenuButton />
        </Box>
        <CardContent sx={{ pt: 0 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', mb: 2 }}>
            <Avatar sx={{ bgcolor: 'primary.main', mb: 1 }}>
              <LockIcon />
            </Avatar>
            <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, textAlign: 'center' }}>
              {translate('app.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.subtitle')}
            </Typography>
          </Box>
          <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
            {title}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
};
