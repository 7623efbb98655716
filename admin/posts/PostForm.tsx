// The post form of a room, for members who may post: 連絡帳 (NOTE) or ケアレポート (CARE_REPORT,
// with one of the room's titles and structured vitals), text, photos or PDFs. Big targets for
// tablets; the server's field errors appear on the fields.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { fieldErrorMap, useInvalidatePosts, useRoomChange } from '../rooms/hooks';
import type { Room } from '../rooms/types';
import { AttachmentPicker } from './AttachmentPicker';
import { VitalsFields } from './VitalsFields';
import { checkFiles, toUploads } from './uploads';
import { textToVitals, vitalsProblems, type VitalsText } from './vitals';

type Kind = 'NOTE' | 'CARE_REPORT';

export const PostForm = ({ room }: { room: Pick<Room, 'id' | 'careReportTitles'> }) => {
  const translate = useTranslate();
  const reloadPosts = useInvalidatePosts(room.id);
  const { pending, run } = useRoomChange({ reload: reloadPosts });
  const [kind, setKind] = useState<Kind>('NOTE');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [vitals, setVitals] = useState<VitalsText>({});
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const fileProblem = checkFiles(files);
  const isReport = kind === 'CARE_REPORT';

  const reset = () => {
    setTitle('');
    setBody('');
    setVitals({});
    setFiles([]);
    setErrors({});
  };

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!body.trim()) local.body = translate('app.validation.REQUIRED');
    if (isReport && !title) local.title = translate('rooms.post.title_required');
    if (Object.keys(local).length || (isReport && vitalsProblems(vitals).length) || fileProblem) return setErrors(local);
    // the form is emptied as soon as the post is in, before the notice and the reload
    await run(
      async (dp) => {
        await dp.createPost(room.id, {
          kind,
          title: isReport ? title : null,
          body,
          vitals: isReport ? textToVitals(vitals) : null,
          attachments: files.length ? await toUploads(files) : undefined,
        });
        reset();
      },
      { done: 'rooms.post.posted', onError: (error) => setErrors(fieldErrorMap(error, (path) => path.split('.')[0])) },
    );
  };

  return (
    <Card variant="outlined" component="section" aria-label={translate('rooms.post.form_title')}>
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            {translate('rooms.post.form_title')}
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <ToggleButtonGroup exclusive color="primary" value={kind} onChange={(_e, v: Kind | null) => v && setKind(v)} aria-label={translate('rooms.post.kind')}>
              {(['NOTE', 'CARE_REPORT'] as const).map((k) => (
                <ToggleButton key={k} value={k} sx={{ minHeight: 48, px: 3, whiteSpace: 'nowrap' }}>
                  {translate(`rooms.enums.PostKind.${k}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {isReport && (
              <TextField
                select
                label={translate('rooms.post.title')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                error={!!errors.title}
                helperText={errors.title}
                sx={{ minWidth: 240, flex: { xs: 1, sm: 'none' } }}
                slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { '& li': { minHeight: 48 } } } } } } }}
              >
                {room.careReportTitles.map((t) => (
                  <MenuItem key={t} value={t}>
                    {t}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Stack>
          <TextField
            label={translate('rooms.post.body')}
            placeholder={translate('rooms.post.body_placeholder')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            error={!!errors.body}
            helperText={errors.body}
          />
          {isReport && (
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                {translate('rooms.post.vitals')}
              </Typography>
              <VitalsFields value={vitals} onChange={setVitals} disabled={pending} />
              {errors.vitals && <Alert severity="error">{errors.vitals}</Alert>}
            </Box>
          )}
          <AttachmentPicker files={files} onChange={setFiles} disabled={pending} />
          {fileProblem && <Alert severity="error">{translate(fileProblem.key, { name: fileProblem.name ?? '' })}</Alert>}
          {errors.attachments && <Alert severity="error">{errors.attachments}</Alert>}
          <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button variant="contained" size="large" endIcon={<SendIcon />} onClick={submit} disabled={pending} sx={{ minHeight: 52, minWidth: 160 }}>
              {translate('rooms.post.submit')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
