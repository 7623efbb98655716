// A list's empty page: a short heading and, below it, what will appear there and when. react-admin's
// own Empty puts one sentence in a heading and builds it from the menu label (「同意書の一覧はまだ
// ありません」), which has no room for the "when".
import Inbox from '@mui/icons-material/Inbox';
import { Box, Typography } from '@mui/material';
import { useResourceContext, useTranslate } from 'react-admin';

/** Reads `resources.<resource>.empty` (the heading) and `resources.<resource>.emptyHint`. */
export const ListEmpty = () => {
  const translate = useTranslate();
  const resource = useResourceContext();
  return (
    <Box data-testid="list-empty" sx={{ textAlign: 'center', color: 'text.secondary', mt: 4, mx: 2 }}>
      <Inbox sx={{ width: '6em', height: '6em' }} />
      <Typography variant="h6" component="p">
        {translate(`resources.${resource}.empty`)}
      </Typography>
      <Typography variant="body1" sx={{ mt: 1 }}>
        {translate(`resources.${resource}.emptyHint`)}
      </Typography>
    </Box>
  );
};
