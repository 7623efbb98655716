// ケアレポート標題: a list of titles to edit (add, remove, reorder), for a room (setCareReportTitles),
// for the municipality's defaults (setDefaultCareReportTitles), and inside the room creation form.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { keys, useRoomChange } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import { DialogButtons, Loading } from './ui';

/** The titles as typed, trimmed, without blanks or repeats (what the API keeps). */
export const cleanTitles = (titles: string[]) => [...new Set(titles.map((t) => t.trim()).filter(Boolean))];

export const TitleListInput = ({ value, onChange, disabled }: { value: string[]; onChange: (titles: string[]) => void; disabled?: boolean }) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState('');
  const add = () => {
    const t = draft.trim();
    if (t && !value.includes(t)) onChange([...value, t]);
    setDraft('');
  };
  return (
    <Box>
      <List dense disablePadding aria-label={translate('rooms.titles.room_title')} sx={{ maxWidth: 520 }}>
        {value.map((t, i) => (
          <ListItem
            key={t}
            divider
            secondaryAction={
              <Stack direction="row">
                <IconButton aria-label={`${t} ↑`} disabled={disabled || i === 0} onClick={() => onChange([...value.slice(0, i - 1), t, value[i - 1], ...value.slice(i + 1)])}>
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton aria-label={`${translate('rooms.common.remove')} ${t}`} disabled={disabled} onClick={() => onChange(value.filter((x) => x !== t))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            }
          >
            <ListItemText primary={t} />
          </ListItem>
        ))}
      </List>
      <Stack direction="row" spacing={1} sx={{ mt: 1, maxWidth: 520 }}>
        <TextField
          size="small"
          fullWidth
          label={translate('rooms.titles.placeholder')}
          value={draft}
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="outlined" startIcon={<AddIcon />} onClick={add} disabled={disabled || !draft.trim()} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
          {translate('rooms.common.add')}
        </Button>
      </Stack>
      {value.length === 0 && (
        <Alert severity="warning" sx={{ mt: 1, maxWidth: 520 }}>
          {translate('rooms.titles.empty')}
        </Alert>
      )}
    </Box>
  );
};

/** The city edits a room's titles. */
export const RoomTitlesEditor = ({ roomId, version, titles, disabled }: { roomId: string; version: number; titles: string[]; disabled?: boolean }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [value, setValue] = useState(titles);
  const save = () => run((dp) => dp.setCareReportTitles(roomId, version, cleanTitles(value)), { done: 'rooms.titles.saved' });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('rooms.titles.room_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('rooms.titles.help')}
        </Typography>
        <TitleListInput value={value} onChange={setValue} disabled={pending || disabled} />
        <Button variant="contained" size="large" sx={{ mt: 2 }} onClick={save} disabled={pending || disabled || cleanTitles(value).length === 0}>
          {translate('rooms.common.save')}
        </Button>
      </CardContent>
    </Card>
  );
};

const DefaultTitlesForm = ({ titles, onClose }: { titles: string[]; onClose: () => void }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [value, setValue] = useState(titles);
  const save = () => run((dp) => dp.setDefaultCareReportTitles(cleanTitles(value)), { done: 'rooms.titles.default_saved', onDone: onClose });
  return (
    <>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('rooms.titles.default_help')}
        </Typography>
        <TitleListInput value={value} onChange={setValue} disabled={pending} />
      </DialogContent>
      <DialogButtons onCancel={onClose} onConfirm={save} confirmLabel={translate('rooms.common.save')} disabled={pending || cleanTitles(value).length === 0} />
    </>
  );
};

/** The city's default titles for new rooms, in a dialog. */
export const DefaultTitlesDialog = ({ municipalityId, onClose }: { municipalityId: string; onClose: () => void }) => {
  const translate = useTranslate();
  const { data } = useApiQuery(keys.defaultTitles, (dp) => dp.defaultCareReportTitles(municipalityId));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('rooms.titles.default_title')}</DialogTitle>
      {data ? <DefaultTitlesForm titles={data} onClose={onClose} /> : <Loading />}
    </Dialog>
  );
};
