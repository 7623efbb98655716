// The members of a room being requested or set up (様式6, the city's room creation): one row each,
// with the person, their permission and a remove button; `extra` adds a note to a row.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Box, IconButton, Stack } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { PersonLine } from '../directory/PersonPicker';
import type { Person, RoomPermission } from './types';
import { PermissionSelect } from './ui';

export interface MemberRow {
  person: Person;
  permission: RoomPermission;
}

export function MemberRows<R extends MemberRow>({
  rows,
  onChange,
  warning,
  extra,
  testId,
}: {
  rows: R[];
  onChange: (rows: R[]) => void;
  warning: (row: R, index: number) => string | null | undefined;
  extra?: (row: R) => ReactNode;
  testId: string;
}) {
  const translate = useTranslate();
  return rows.map((r, i) => (
    <Stack key={r.person.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }} data-testid={testId}>
      <Box sx={{ flex: 1 }}>
        <PersonLine person={r.person} warning={warning(r, i)} />
      </Box>
      {extra?.(r)}
      <PermissionSelect
        label={translate('rooms.members.permission')}
        value={r.permission}
        onChange={(permission) => onChange(rows.map((x, j) => (j === i ? { ...x, permission } : x)))}
        aria-label={`${r.person.name} ${translate('rooms.members.permission')}`}
      />
      <IconButton aria-label={`${translate('rooms.common.remove')} ${r.person.name}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
        <DeleteIcon />
      </IconButton>
    </Stack>
  ));
}
