// 既読 N and, when tapped, who read it and when. The count leaves out the author (who has read
// their own post from the start); the names are fetched only when opened.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Button, List, ListItem, ListItemText, Popover, Typography } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { keys } from '../rooms/hooks';
import { useApiQuery } from '../graphql/useApi';
import { formatDateTime } from '../patients/format';
import { Loading } from '../rooms/ui';
import type { Post, PostFilter } from '../rooms/types';

/** Readers other than the author: the API counts the author's own read receipt too. */
/** readCount already leaves out the author's own receipt. */
export const othersReadCount = (post: Pick<Post, 'readCount'>) => post.readCount;

const Readers = ({ roomId, post, filter, page, perPage }: { roomId: string; post: Post; filter: PostFilter; page: number; perPage: number }) => {
  const translate = useTranslate();
  const { data, isPending } = useApiQuery(keys.readers(roomId, filter, page), (dp) => dp.postReaders(roomId, filter, page, perPage));
  if (isPending) return <Loading />;
  const readers = (data?.find((p) => p.id === post.id)?.readers ?? []).filter((r) => r.person.id !== post.author.id);
  if (readers.length === 0) return <Typography sx={{ p: 2 }}>{translate('rooms.timeline.readers_empty')}</Typography>;
  return (
    <List dense sx={{ minWidth: 260 }}>
      {readers.map((r) => (
        <ListItem key={r.person.id}>
          <ListItemText primary={r.person.name} secondary={`${[r.person.officeName, translate(`enums.JobType.${r.person.jobType}`)].filter(Boolean).join('・')}　${formatDateTime(r.readAt)}`} />
        </ListItem>
      ))}
    </List>
  );
};

export const ReadersButton = (props: { roomId: string; post: Post; filter: PostFilter; page: number; perPage: number }) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button size="large" startIcon={<DoneAllIcon />} onClick={(e) => setAnchor(e.currentTarget)} sx={{ minHeight: 44 }} aria-haspopup="dialog">
        {translate('rooms.timeline.read_count', { count: othersReadCount(props.post) })}
      </Button>
      <Popover open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Box role="dialog" aria-label={translate('rooms.timeline.readers_title')}>
          <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>
            {translate('rooms.timeline.readers_title')}
          </Typography>
          {anchor && <Readers {...props} />}
        </Box>
      </Popover>
    </>
  );
};
