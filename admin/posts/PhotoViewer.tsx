// The photos of a post, enlarged in the page (a dialog) instead of the raw file in a new tab: a
// phone would leave the panel for a bare image. Previous/next by buttons and the arrow keys; the
// whole screen on a phone. The file itself stays one click away (保存).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Button, Dialog, DialogContent, DialogTitle, IconButton, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import { attachmentUrl } from './uploads';

export interface Photo {
  id: string;
  filename: string;
}

export const PhotoViewer = ({ photos, start, onClose }: { photos: Photo[]; start: number; onClose: () => void }) => {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((t) => t.breakpoints.down('sm'));
  const [index, setIndex] = useState(start);
  useEffect(() => setIndex(start), [start]);
  const photo = photos[index];
  const many = photos.length > 1;
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const go = useCallback((step: number) => setIndex((i) => Math.min(photos.length - 1, Math.max(0, i + step))), [photos.length]);
  // a focused button disabled at the first or last photo would drop the focus out of the dialog
  // (and Escape with it): reaching an end hands the focus to the other button once it is enabled
  const refocus = useRef<HTMLButtonElement | null>(null);
  const step = (by: number) => {
    const target = Math.min(photos.length - 1, Math.max(0, index + by));
    const focused = document.activeElement;
    if (target === 0 && focused === previous.current) refocus.current = next.current;
    if (target === photos.length - 1 && focused === next.current) refocus.current = previous.current;
    go(by);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of photo, once the buttons are enabled or disabled
  useLayoutEffect(() => {
    refocus.current?.focus();
    refocus.current = null;
  }, [index]);
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'ArrowLeft') stepRef.current(-1);
      else if (e.key === 'ArrowRight') stepRef.current(1);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  if (!photo) return null;
  const position = translate('rooms.timeline.photo_of', { index: index + 1, total: photos.length });
  return (
    <Dialog open onClose={onClose} fullScreen={phone} maxWidth="lg" fullWidth aria-labelledby="photo-viewer-title" data-testid="photo-viewer">
      <DialogTitle id="photo-viewer-title" sx={{ display: 'flex', alignItems: 'center', gap: 1, pr: 1, minWidth: 0 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography component="span" variant="h6" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {photo.filename}
          </Typography>
          {many && (
            <Typography component="span" variant="body2" color="text.secondary" aria-live="polite" data-testid="photo-position">
              {position}
            </Typography>
          )}
        </Box>
        <IconButton component="a" href={attachmentUrl(photo.id)} download={photo.filename} aria-label={translate('rooms.timeline.download_photo')}>
          <DownloadIcon />
        </IconButton>
        <IconButton onClick={onClose} aria-label={translate('rooms.timeline.close_photo')}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 1, px: { xs: 1, sm: 3 } }}>
        <Box
          component="img"
          key={photo.id}
          src={attachmentUrl(photo.id, true)}
          alt={photo.filename}
          data-testid="photo-viewer-image"
          sx={{
            display: 'block',
            maxWidth: '100%',
            maxHeight: { xs: 'calc(100vh - 200px)', sm: '70vh' },
            minWidth: { xs: '60%', sm: 240 },
            objectFit: 'contain',
            imageRendering: 'auto',
            bgcolor: 'grey.100',
            borderRadius: 1,
          }}
        />
        {many && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'center', width: '100%' }}>
            <Button ref={previous} variant="outlined" size="large" startIcon={<ChevronLeftIcon />} onClick={() => step(-1)} disabled={index === 0} sx={{ minHeight: 48, flex: { xs: 1, sm: 'none' } }}>
              {translate('rooms.timeline.previous_photo')}
            </Button>
            <Button
              ref={next}
              variant="outlined"
              size="large"
              endIcon={<ChevronRightIcon />}
              onClick={() => step(1)}
              disabled={index === photos.length - 1}
              sx={{ minHeight: 48, flex: { xs: 1, sm: 'none' } }}
            >
              {translate('rooms.timeline.next_photo')}
            </Button>
          </Stack>
        )}
        {many && !phone && (
          <Typography variant="caption" color="text.secondary">
            {translate('rooms.timeline.photo_keys')}
          </Typography>
        )}
      </DialogContent>
    </Dialog>
  );
};
