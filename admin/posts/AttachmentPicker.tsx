// 写真・PDF to attach to a post: a big button (the tablet's camera or files), the chosen files
// with a thumbnail, each removable. Previews are object URLs in memory, released when removed.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { ACCEPT, isImage, shrinkPhoto } from './uploads';

// A key per picked file (a File has no id; two picks of the same name are two files)
const fileKeys = new WeakMap<File, string>();
let lastFileKey = 0;
const fileKey = (f: File) => {
  let key = fileKeys.get(f);
  if (!key) {
    key = String(++lastFileKey);
    fileKeys.set(f, key);
  }
  return key;
};

export const AttachmentPicker = ({
  files,
  onChange,
  disabled,
  label = 'rooms.post.attach',
  help = 'rooms.post.attach_help',
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  label?: string;
  help?: string;
}) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => files.map((f) => (isImage(f.type) ? URL.createObjectURL(f) : null)), [files]);
  useEffect(
    () => () => {
      previews.forEach((u) => {
        if (u) URL.revokeObjectURL(u);
      });
    },
    [previews],
  );

  return (
    <Box>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="attachment-input"
        onChange={async (e) => {
          const picked = Array.from(e.target.files ?? []);
          e.target.value = '';
          onChange([...files, ...(await Promise.all(picked.map((f) => shrinkPhoto(f))))]);
        }}
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" size="large" startIcon={<AttachFileIcon />} disabled={disabled} onClick={() => input.current?.click()} sx={{ minHeight: 48 }}>
          {translate(label)}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate(help)}
        </Typography>
      </Stack>
      {files.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
          {files.map((f, i) => (
            <Stack key={fileKey(f)} direction="row" spacing={1} sx={{ alignItems: 'center', border: 1, borderColor: 'divider', borderRadius: 1, p: 0.5, pl: 1 }}>
              {previews[i] ? <img src={previews[i]!} alt="" style={{ width: 48, height: 48, objectFit: 'cover', borderRadius: 4 }} /> : <PictureAsPdfIcon color="error" />}
              <Typography variant="body2" sx={{ maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {f.name}
              </Typography>
              <IconButton aria-label={translate('rooms.post.remove_file')} onClick={() => onChange(files.filter((_, j) => j !== i))} disabled={disabled} sx={{ width: 44, height: 44 }}>
                <CloseIcon />
              </IconButton>
            </Stack>
          ))}
        </Stack>
      )}
    </Box>
  );
};
