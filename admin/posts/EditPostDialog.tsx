// 訂正: the author corrects their post (editPost with the version they read); the earlier version
// is kept and shown to everyone as such. A concurrent correction answers CONFLICT.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { fieldErrorMap, useInvalidatePosts, useRoomChange } from '../rooms/hooks';
import type { Post } from '../rooms/types';
import { ActionDialog } from '../rooms/ui';
import { VitalsFields } from './VitalsFields';
import { textToVitals, vitalsProblems, vitalsToText, type VitalsText } from './vitals';

export const EditPostDialog = ({ roomId, post, titles, onClose }: { roomId: string; post: Post; titles: string[]; onClose: () => void }) => {
  const translate = useTranslate();
  const reloadPosts = useInvalidatePosts(roomId);
  const { pending, run } = useRoomChange({ reload: reloadPosts });
  const isReport = post.kind === 'CARE_REPORT';
  const [title, setTitle] = useState(post.title ?? '');
  const [body, setBody] = useState(post.body);
  const [vitals, setVitals] = useState<VitalsText>(vitalsToText(post.vitals));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const titleChoices = post.title && !titles.includes(post.title) ? [post.title, ...titles] : titles;

  const save = async () => {
    if (!body.trim()) return setErrors({ body: translate('app.validation.REQUIRED') });
    if (isReport && vitalsProblems(vitals).length) return;
    await run((dp) => dp.editPost(post.id, post.version, { title: isReport ? title || null : null, body, vitals: isReport ? textToVitals(vitals) : null }), {
      done: 'rooms.post.edited',
      onDone: onClose,
      onError: (error) => setErrors(fieldErrorMap(error, (path) => path.split('.')[0])),
    });
  };

  return (
    <ActionDialog title={translate('rooms.post.edit_title')} maxWidth="md" onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.common.save')} size="large" disabled={pending}>
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
    </ActionDialog>
  );
};
