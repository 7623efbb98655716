// The room's notebook and care reports, newest first, page by page ("load more"), with filters
// by title and author and a search in the text. Posts by others that a member sees are marked
// read (既読) as they are shown; they keep their 新着 marker until the page is left.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, IconButton, InputAdornment, MenuItem, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import ClearIcon from '@mui/icons-material/Clear';
import { keys } from '../rooms/hooks';
import { usePanelDataProvider } from '../graphql/useApi';
import { Loading } from '../rooms/ui';
import type { Post, PostFilter, Room } from '../rooms/types';
import { PostCard } from './PostCard';
import { EditPostDialog } from './EditPostDialog';

const PER_PAGE = 20;

export const Timeline = ({ room, meId }: { room: Room; meId: string }) => {
  const translate = useTranslate();
  const client = useQueryClient();
  const dataProvider = usePanelDataProvider();
  const [title, setTitle] = useState('');
  const [authorId, setAuthorId] = useState('');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Post | null>(null);
  const filter: PostFilter = useMemo(() => ({ title: title || undefined, authorId: authorId || undefined, q: q || undefined }), [title, authorId, q]);
  const isMember = !!room.myPermission;

  const query = useInfiniteQuery({
    queryKey: keys.posts(room.id, filter),
    queryFn: ({ pageParam }) => dataProvider.posts(room.id, filter, pageParam, PER_PAGE),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PER_PAGE < last.total ? pages.length + 1 : undefined),
    refetchOnWindowFocus: false,
    retry: false,
  });

  const pages = query.data?.pages ?? [];
  const posts = pages.flatMap((p, i) => p.items.map((post) => ({ post, page: i + 1 })));
  const total = pages[0]?.total ?? 0;

  // 既読: what a member has now seen of others' posts; those stay marked 新着 on this page
  const sent = useRef(new Set<string>());
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const unseen = posts.filter(({ post }) => !post.readByMe && post.author.id !== meId && !sent.current.has(post.id)).map(({ post }) => post.id);
  const unseenKey = unseen.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the unseen ids change (unseenKey), not on every render's new array
  useEffect(() => {
    if (!isMember || unseen.length === 0) return;
    unseen.forEach((id) => {
      sent.current.add(id);
    });
    setFresh((f) => new Set([...f, ...unseen]));
    dataProvider
      .markPostsRead(room.id, unseen)
      .then(() => client.invalidateQueries({ queryKey: keys.lists }))
      .catch(() => {
        unseen.forEach((id) => {
          sent.current.delete(id);
        });
      });
  }, [unseenKey, isMember, room.id]);

  const authors = useMemo(() => {
    const people = new Map(room.members.map((m) => [m.person.id, m.person]));
    return [...people.values()].sort((a, b) => a.nameKana.localeCompare(b.nameKana, 'ja'));
  }, [room.members]);
  const filtered = !!(title || authorId || q);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField select label={translate('rooms.timeline.filter_title')} value={title} onChange={(e) => setTitle(e.target.value)} sx={{ flex: '1 1 200px', maxWidth: { md: 260 } }}>
          <MenuItem value="">{translate('rooms.common.all')}</MenuItem>
          {room.careReportTitles.map((t) => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={translate('rooms.timeline.filter_author')} value={authorId} onChange={(e) => setAuthorId(e.target.value)} sx={{ flex: '1 1 200px', maxWidth: { md: 300 } }}>
          <MenuItem value="">{translate('rooms.common.all')}</MenuItem>
          {authors.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}（{p.officeName}）
            </MenuItem>
          ))}
        </TextField>
        <Box
          component="form"
          role="search"
          sx={{ flex: '2 1 260px' }}
          onSubmit={(e) => {
            e.preventDefault();
            setQ(text.trim());
          }}
        >
          <TextField
            fullWidth
            label={translate('rooms.timeline.search')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) setQ('');
            }}
            slotProps={{
              htmlInput: { enterKeyHint: 'search' },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    {text && (
                      <IconButton
                        aria-label={translate('ra.action.clear_input_value')}
                        onClick={() => {
                          setText('');
                          setQ('');
                        }}
                      >
                        <ClearIcon />
                      </IconButton>
                    )}
                    <IconButton type="submit" aria-label={translate('rooms.common.search')}>
                      <SearchIcon />
                    </IconButton>
                  </InputAdornment>
                ),
              },
            }}
          />
        </Box>
      </Stack>

      {query.isPending && <Loading />}
      {query.error && <Alert severity="error">{(query.error as Error).message}</Alert>}
      {!query.isPending && posts.length === 0 && <Typography sx={{ p: 2 }}>{translate(filtered ? 'rooms.timeline.no_match' : 'rooms.timeline.empty')}</Typography>}

      <Stack spacing={1.5} aria-live="polite">
        {posts.map(({ post, page }) => (
          <PostCard key={post.id} post={post} roomId={room.id} meId={meId} fresh={fresh.has(post.id)} canEdit={room.writable} onEdit={setEditing} filter={filter} page={page} perPage={PER_PAGE} />
        ))}
      </Stack>

      {posts.length > 0 && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('rooms.timeline.count', { shown: posts.length, total })}
          </Typography>
          {query.hasNextPage && (
            <Button variant="outlined" size="large" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage} sx={{ minHeight: 48, minWidth: 200 }}>
              {translate('rooms.common.load_more')}
            </Button>
          )}
        </Stack>
      )}
      {editing && <EditPostDialog roomId={room.id} post={editing} titles={room.careReportTitles} onClose={() => setEditing(null)} />}
    </Stack>
  );
};
