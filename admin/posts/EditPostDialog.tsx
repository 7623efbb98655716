// 訂正: the author corrects their post (editPost with the version they read); the earlier version
// is kept and shown to everyone as such. A concurrent correction answers CONFLICT.
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { roomApi } from '../rooms/api';
import { fieldErrors, useInvalidatePosts, useNotifyError } from '../rooms/hooks';
import type { Post } from '../rooms/types';
import { VitalsFields } from './VitalsFields';
import { textToVitals, vitalsProblems, vitalsToText, type VitalsText } from './vitals';

export const EditPostDialog = ({ roomId, post, titles, onClose }: { roomId: string; post: Post; titles: string[]; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const invalidate = useInvalidatePosts(roomId);
  const isReport = post.kind === 'CARE_REPORT';
  const [title, setTitle] = useState(post.title ?? '');
  const [body, setBody] = useState(post.body);
  const [vitals, setVitals] = useState<VitalsText>(vitalsToText(post.vitals));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const titleChoices = post.title && !titles.includes(post.title) ? [post.title, ...titles] : titles;

  const save = async () => {
    if (!body.trim()) return setErrors({ body: translate('app.validation.REQUIRED') });
    if (isReport && vitalsProblems(vitals).length) return;
    setPending(true);
    try {
      await roomApi.editPost(post.id, post.version, { title: isReport ? title || null : null, body, vitals: isReport ? textToVitals(vitals) : null });
      notify('rooms.post.edited', { type: 'info' });
      await invalidate();
      onClose();
    } catch (error) {
      setErrors(Object.fromEntries(fieldErrors(error).map((f) => [f.field.split('.')[0], f.message])));
      notifyError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('rooms.post.edit_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('rooms.post.edit_help')}
          </Typography>
          {isReport && (
            <TextField select label={translate('rooms.post.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={!!errors.title} helperText={errors.title} sx={{ maxWidth: 320 }}>
              {titleChoices.map((t) => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField label={translate('rooms.post.body')} value={body} onChange={(e) => setBody(e.target.value)} multiline minRows={4} error={!!errors.body} helperText={errors.body} />
          {isReport && <VitalsFields value={vitals} onChange={setVitals} disabled={pending} />}
          {errors.vitals && <Alert severity="error">{errors.vitals}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} size="large">
          {translate('rooms.common.cancel')}
        </Button>
        <Button onClick={save} variant="contained" size="large" disabled={pending}>
          {translate('rooms.common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
