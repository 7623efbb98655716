// 参加者: who is in the room, with which permission, from and until when, and whether the
// membership gives access today. The city adds people directly (from the directory, with dates),
// changes a permission or the last day, and ends a membership; members see the list. A table on
// wide screens; one card per member on a phone or a tablet, where eight columns would wrap
// names one character per line.
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { PersonLine, PersonPicker } from '../directory/PersonPicker';
import { formatDate, todayInTokyo } from '../patients/format';
import { useRoomChange } from './hooks';
import type { Member, Person, Room, RoomPermission } from './types';
import { ActionDialog, PermissionSelect } from './ui';
import { DateTextField } from '../common/DateInput';
import { noWrap } from '../common/tableStyles';

const liveState = (m: Member): 'live_yes' | 'live_no' | 'live_future' => (m.live ? 'live_yes' : m.fromDate > todayInTokyo() ? 'live_future' : 'live_no');

/** A warning for people of offices the consent does not cover (the API refuses them: NOT_COVERED). */
export const coverageWarning = (coveredOfficeNames: string[], message: string) => (p: Person) => (p.officeName && !coveredOfficeNames.includes(p.officeName) ? message : null);

/** The membership's last day, empty for no end. */
const UntilDateField = ({ value, onChange }: { value: string; onChange: (date: string) => void }) => {
  const translate = useTranslate();
  return <DateTextField label={translate('rooms.members.untilDate')} value={value} onChange={onChange} helperText={translate('rooms.members.untilDate_help')} />;
};

const AddMemberDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [person, setPerson] = useState<Person | null>(null);
  const [permission, setPermission] = useState<RoomPermission>('CONTRIBUTOR');
  const [fromDate, setFromDate] = useState(todayInTokyo());
  const [untilDate, setUntilDate] = useState('');
  const live = room.members.filter((m) => m.live || m.fromDate > todayInTokyo()).map((m) => m.person.id);
  const offices = room.consent.coveredOfficeIds.map((id, i) => ({ id, name: room.consent.coveredOfficeNames[i] ?? id }));

  const save = async () => {
    if (!person) return;
    await run((dp) => dp.addRoomMember(room.id, { userId: person.id, permission, fromDate: fromDate || null, untilDate: untilDate || null }), { done: 'rooms.members.added', onDone: onClose });
  };

  return (
    <ActionDialog title={translate('rooms.members.add_title')} maxWidth="md" onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.common.add')} disabled={!person || pending}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        <PersonPicker
          label={translate('rooms.members.person')}
          exclude={live}
          offices={offices}
          keepValue
          autoFocus
          onPick={setPerson}
          warning={coverageWarning(room.consent.coveredOfficeNames, translate('rooms.members.not_covered'))}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <PermissionSelect label={translate('rooms.members.permission')} value={permission} onChange={setPermission} size="medium" />
          <DateTextField label={translate('rooms.members.fromDate')} value={fromDate} onChange={setFromDate} />
          <UntilDateField value={untilDate} onChange={setUntilDate} />
        </Stack>
      </Stack>
    </ActionDialog>
  );
};

const ChangeMemberDialog = ({ member, onClose }: { member: Member; onClose: () => void }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [permission, setPermission] = useState<RoomPermission>(member.permission);
  const [untilDate, setUntilDate] = useState(member.untilDate ?? '');
  const save = () => run((dp) => dp.changeRoomMember(member.id, member.version, { permission, untilDate: untilDate || null }), { done: 'rooms.members.changed', onDone: onClose });
  return (
    <ActionDialog title={translate('rooms.members.change_title', { name: member.person.name })} onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.common.save')} disabled={pending}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        <PersonLine person={member.person} />
        <PermissionSelect label={translate('rooms.members.permission')} value={permission} onChange={setPermission} size="medium" />
        <UntilDateField value={untilDate} onChange={setUntilDate} />
      </Stack>
    </ActionDialog>
  );
};

/** One member as a card: name and kana, office and job, permission, dates, access today, actions. */
const MemberCard = ({ member: m, canManage, onChange, onRemove }: { member: Member; canManage: boolean; onChange: () => void; onRemove: () => void }) => {
  const translate = useTranslate();
  const state = liveState(m);
  return (
    <Card variant="outlined" component="li" data-testid="member-card" sx={{ listStyle: 'none' }}>
      <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 700, fontSize: '1.05rem' }}>{m.person.name}</Typography>
          <Typography variant="caption" color="text.secondary">
            {m.person.nameKana}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Chip size="small" variant="outlined" color={state === 'live_yes' ? 'success' : 'default'} label={translate(`rooms.members.${state}`)} />
        </Stack>
        <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
          {[m.person.officeName, translate(`enums.JobType.${m.person.jobType}`)].filter(Boolean).join('・')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(`rooms.enums.RoomPermission.${m.permission}`)}　{formatDate(m.fromDate)} 〜 {m.untilDate ? formatDate(m.untilDate) : ''}
        </Typography>
        {canManage && state !== 'live_no' && (
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Button variant="outlined" onClick={onChange} sx={{ minHeight: 44 }}>
              {translate('rooms.members.change')}
            </Button>
            <Button variant="outlined" color="error" onClick={onRemove} sx={{ minHeight: 44 }}>
              {translate('rooms.members.remove')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export const MembersPanel = ({ room, manage }: { room: Room; manage: boolean }) => {
  const narrow = useMediaQuery<Theme>((t) => t.breakpoints.down('lg'));
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [showEnded, setShowEnded] = useState(false);
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = manage && room.status !== 'CLOSED';
  const members = room.members.filter((m) => showEnded || liveState(m) !== 'live_no');

  const remove = async () => {
    if (!removing) return;
    await run((dp) => dp.removeRoomMember(removing.id, removing.version), { done: 'rooms.members.removed' });
    setRemoving(null);
  };

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }} useFlexGap>
        {canManage && (
          <Button variant="contained" size="large" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)}>
            {translate('rooms.members.add')}
          </Button>
        )}
        <FormControlLabel control={<Switch checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />} label={translate('rooms.members.show_ended')} />
      </Stack>
      {narrow ? (
        <Stack component="ul" spacing={1} aria-label={translate('rooms.page.tab_members')} sx={{ p: 0, m: 0 }}>
          {members.map((m) => (
            <MemberCard key={m.id} member={m} canManage={canManage} onChange={() => setChanging(m)} onRemove={() => setRemoving(m)} />
          ))}
          {members.length === 0 && (
            <Typography component="li" sx={{ listStyle: 'none' }}>
              {translate('rooms.members.empty')}
            </Typography>
          )}
        </Stack>
      ) : (
        <TableContainer>
          <Table aria-label={translate('rooms.page.tab_members')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('rooms.members.person')}</TableCell>
                <TableCell>{translate('rooms.members.office')}</TableCell>
                <TableCell>{translate('rooms.members.jobType')}</TableCell>
                <TableCell>{translate('rooms.members.permission')}</TableCell>
                <TableCell sx={noWrap}>{translate('rooms.members.fromDate')}</TableCell>
                <TableCell sx={noWrap}>{translate('rooms.members.untilDate')}</TableCell>
                <TableCell>{translate('rooms.members.live')}</TableCell>
                {canManage && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {members.map((m) => {
                const state = liveState(m);
                return (
                  <TableRow key={m.id}>
                    <TableCell>
                      <Typography sx={{ fontWeight: 600 }}>{m.person.name}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {m.person.nameKana}
                      </Typography>
                    </TableCell>
                    <TableCell>{m.person.officeName}</TableCell>
                    <TableCell>{translate(`enums.JobType.${m.person.jobType}`)}</TableCell>
                    <TableCell>{translate(`rooms.enums.RoomPermission.${m.permission}`)}</TableCell>
                    <TableCell sx={noWrap}>{formatDate(m.fromDate)}</TableCell>
                    <TableCell sx={noWrap}>{formatDate(m.untilDate)}</TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" color={state === 'live_yes' ? 'success' : 'default'} label={translate(`rooms.members.${state}`)} />
                    </TableCell>
                    {canManage && (
                      <TableCell sx={noWrap}>
                        {state !== 'live_no' && (
                          <>
                            <Button onClick={() => setChanging(m)}>{translate('rooms.members.change')}</Button>
                            <Button color="error" onClick={() => setRemoving(m)}>
                              {translate('rooms.members.remove')}
                            </Button>
                          </>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
              {members.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8}>{translate('rooms.members.empty')}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {adding && <AddMemberDialog room={room} onClose={() => setAdding(false)} />}
      {changing && <ChangeMemberDialog member={changing} onClose={() => setChanging(null)} />}
      <Confirm
        isOpen={!!removing}
        loading={pending}
        title="rooms.members.remove_title"
        content="rooms.members.remove_content"
        translateOptions={{ name: removing?.person.name ?? '' }}
        confirmColor="warning"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Box>
  );
};
