// One post of the timeline: kind and title, author (name, office, job type), time, text, vitals,
// photos inline (opening in the page's photo viewer) and PDFs as links, 既読 with its readers, the correction marker with the earlier
// versions, and 訂正 for the author while the room is writable.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Button, ButtonBase, Card, CardContent, Chip, Collapse, Stack, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { formatDateTime } from '../patients/format';
import type { Post, PostFilter, Vitals } from '../rooms/types';
import { PhotoViewer } from './PhotoViewer';
import { ReadersButton } from './ReadersButton';
import { attachmentUrl, isImage } from './uploads';
import { VITALS, formatVital, hasVitals } from './vitals';

const kindColor = { NOTE: 'default', CARE_REPORT: 'primary', CLOSING_REQUEST: 'warning' } as const;

export const VitalsLine = ({ vitals }: { vitals: Vitals }) => {
  const translate = useTranslate();
  const v = vitals;
  const items: string[] = [];
  if (v.systolic != null || v.diastolic != null) items.push(`${translate('rooms.post.blood_pressure')} ${v.systolic ?? '—'}/${v.diastolic ?? '—'} ${translate('rooms.post.unit_mmhg')}`);
  for (const d of VITALS.filter((x) => x.key !== 'systolic' && x.key !== 'diastolic')) {
    const value = v[d.key];
    if (value !== null && value !== undefined) items.push(`${translate(d.label)} ${formatVital(value)}${translate(d.unit)}`);
  }
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="vitals">
      {items.map((t) => (
        <Chip key={t} label={t} variant="outlined" color="secondary" />
      ))}
    </Stack>
  );
};

export interface PostCardProps {
  post: Post;
  roomId: string;
  meId: string;
  fresh: boolean;
  canEdit: boolean;
  onEdit: (post: Post) => void;
  /** where the post was listed, to fetch its readers with the same query */
  filter: PostFilter;
  page: number;
  perPage: number;
}

export const PostCard = ({ post, roomId, meId, fresh, canEdit, onEdit, filter, page, perPage }: PostCardProps) => {
  const translate = useTranslate();
  const [showRevisions, setShowRevisions] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const photos = post.attachments.filter((a) => isImage(a.contentType));
  const mine = post.author.id === meId;
  return (
    <Card
      component="article"
      variant="outlined"
      aria-label={`${translate(`rooms.enums.PostKind.${post.kind}`)} ${post.title ?? ''} ${post.author.name}`}
      sx={{ borderLeft: 4, borderLeftColor: fresh ? 'primary.main' : post.kind === 'CLOSING_REQUEST' ? 'warning.main' : 'divider' }}
    >
      <CardContent sx={{ '&:last-child': { pb: 1 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Chip size="small" color={kindColor[post.kind]} label={translate(`rooms.enums.PostKind.${post.kind}`)} />
          {post.title && (
            <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
              {post.title}
            </Typography>
          )}
          {fresh && <Chip size="small" color="primary" label={translate('rooms.timeline.new')} />}
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary" component="time" dateTime={post.createdAt}>
            {formatDateTime(post.createdAt)}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mb: 1 }}>
          <Box component="span" sx={{ fontWeight: 600 }}>
            {post.author.name}
          </Box>
          <Box component="span" sx={{ color: 'text.secondary', ml: 1 }}>
            {[post.author.officeName, translate(`enums.JobType.${post.author.jobType}`)].filter(Boolean).join('・')}
          </Box>
        </Typography>
        {post.closingReason && (
          <Typography sx={{ fontWeight: 600, mb: 0.5 }}>{translate('rooms.timeline.closing_reason', { reason: translate(`rooms.enums.ClosingReason.${post.closingReason}`) })}</Typography>
        )}
        <Typography sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', mb: 1, fontSize: '1.05rem' }}>{post.body}</Typography>
        {hasVitals(post.vitals) && (
          <Box sx={{ mb: 1 }}>
            <VitalsLine vitals={post.vitals} />
          </Box>
        )}
        {post.attachments.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} aria-label={translate('rooms.timeline.attachments')}>
            {post.attachments.map((a) =>
              isImage(a.contentType) ? (
                <ButtonBase
                  key={a.id}
                  onClick={() => setViewing(photos.findIndex((p) => p.id === a.id))}
                  aria-label={translate('rooms.timeline.open_photo', { name: a.filename })}
                  aria-haspopup="dialog"
                  sx={{ borderRadius: 1, maxWidth: '100%' }}
                >
                  <Box
                    component="img"
                    src={attachmentUrl(a.id, true)}
                    alt={a.filename}
                    loading="lazy"
                    sx={{ maxHeight: 180, maxWidth: '100%', minWidth: 64, minHeight: 48, borderRadius: 1, border: 1, borderColor: 'divider', display: 'block', objectFit: 'cover' }}
                  />
                </ButtonBase>
              ) : (
                <Button
                  key={a.id}
                  component="a"
                  href={attachmentUrl(a.id)}
                  target="_blank"
                  rel="noopener noreferrer"
                  variant="outlined"
                  startIcon={<PictureAsPdfIcon />}
                  sx={{ minHeight: 44, textTransform: 'none', maxWidth: '100%', overflowWrap: 'anywhere' }}
                >
                  {a.filename}
                </Button>
              ),
            )}
          </Stack>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <ReadersButton roomId={roomId} post={post} filter={filter} page={page} perPage={perPage} />
          {post.editedAt && (
            <Button size="large" color="inherit" startIcon={<HistoryIcon />} onClick={() => setShowRevisions((s) => !s)} aria-expanded={showRevisions} sx={{ minHeight: 44 }}>
              {translate('rooms.timeline.edited', { at: formatDateTime(post.editedAt) })}
            </Button>
          )}
          <Box sx={{ flex: 1 }} />
          {mine && canEdit && post.kind !== 'CLOSING_REQUEST' && (
            <Button size="large" startIcon={<EditIcon />} onClick={() => onEdit(post)} sx={{ minHeight: 44 }}>
              {translate('rooms.timeline.correct')}
            </Button>
          )}
        </Stack>
        {post.editedAt && (
          <Collapse in={showRevisions} unmountOnExit>
            <Box sx={{ mt: 1, pl: 2, borderLeft: 2, borderColor: 'divider' }}>
              <Typography variant="subtitle2">{translate('rooms.timeline.revisions')}</Typography>
              {post.revisions.map((r) => (
                <Box key={r.id} sx={{ mt: 1 }}>
                  <Typography variant="caption" color="text.secondary">
                    {translate('rooms.timeline.revision_at', { at: formatDateTime(r.replacedAt) })}
                    {r.title ? `　${r.title}` : ''}
                  </Typography>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', color: 'text.secondary' }}>
                    {r.body}
                  </Typography>
                  {hasVitals(r.vitals) && <VitalsLine vitals={r.vitals} />}
                </Box>
              ))}
            </Box>
          </Collapse>
        )}
      </CardContent>
      {viewing !== null && <PhotoViewer photos={photos} start={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
};
