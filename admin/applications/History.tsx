// An application's history as a timeline (oldest first): the action, from → to, who, the comment,
// when; and its scanned forms with download links (/attachments/<id>, the session cookie decides).
import { useRecordContext, useTranslate } from 'react-admin';
import { Box, Chip, Link, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import DescriptionIcon from '@mui/icons-material/Description';
import ImageIcon from '@mui/icons-material/Image';
import { StateChip, formatDateTime } from './fields';
import { formatBytes } from './files';
import type { ApplicationAttachment, ApplicationEvent } from './queries';

const actionColors: Record<string, string> = {
  SUBMIT: '#1976d2',
  RESUBMIT: '#1976d2',
  RETURN: '#ed6c02',
  REJECT: '#d32f2f',
  FORWARD: '#9c27b0',
  COMPLETE: '#2e7d32',
  WITHDRAW: '#757575',
};

export const Timeline = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const events = (record?.events as ApplicationEvent[] | undefined) ?? [];
  return (
    <Box component="ol" data-testid="application-history" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {events.map((e, i) => (
        <Box component="li" key={e.id} data-testid="history-event" sx={{ display: 'flex', gap: 2 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.5 }}>
            <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: actionColors[e.action] ?? 'grey.500', flexShrink: 0 }} />
            {i < events.length - 1 && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', my: 0.5 }} />}
          </Box>
          <Box sx={{ pb: 2.5, flex: 1, minWidth: 0 }}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
              <Typography variant="subtitle2" component="span">
                {translate(`enums.ApplicationAction.${e.action}`)}
              </Typography>
              {e.fromState && <StateChip state={e.fromState} />}
              {e.fromState && <span aria-hidden>→</span>}
              <StateChip state={e.toState} />
              <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 'auto', whiteSpace: 'nowrap' }}>
                {formatDateTime(e.at)}
              </Typography>
            </Box>
            <Typography variant="body2" color="text.secondary">
              {e.actorRole ? translate('app.applications.history_actor', { name: e.actorName, role: translate(`enums.Role.${e.actorRole}`) }) : e.actorName}
            </Typography>
            {e.comment && (
              <Box
                data-testid="history-comment"
                sx={{ mt: 0.5, p: 1, pl: 1.5, borderLeft: 3, borderColor: actionColors[e.action] ?? 'divider', bgcolor: 'grey.50', whiteSpace: 'pre-wrap', typography: 'body2' }}
              >
                {e.comment}
              </Box>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
};

export const AttachmentList = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const files = (record?.attachments as ApplicationAttachment[] | undefined) ?? [];
  if (files.length === 0) return <Typography variant="body2">{translate('app.applications.no_attachments')}</Typography>;
  return (
    <List dense data-testid="attachments">
      {files.map((f) => (
        <ListItem key={f.id} disableGutters>
          <ListItemIcon sx={{ minWidth: 36 }}>{f.contentType.startsWith('image/') ? <ImageIcon /> : <DescriptionIcon />}</ListItemIcon>
          <ListItemText
            primary={
              <Link href={`/attachments/${f.id}`} download={f.filename}>
                {f.filename}
              </Link>
            }
            secondary={`${formatBytes(f.size)} ・ ${formatDateTime(f.createdAt)}`}
          />
          <Chip size="small" label={f.contentType.replace(/^.*\//, '').toUpperCase()} variant="outlined" />
        </ListItem>
      ))}
    </List>
  );
};
