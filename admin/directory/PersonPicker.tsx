// Picks a person from the municipality's directory (active users: name, office and job type
// only), searching by name or フリガナ as one types. Used to request members, invite, add members.
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Autocomplete, Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { keys } from '../rooms/hooks';
import { useApiQuery } from '../graphql/useApi';
import type { OfficeOption, Person } from '../rooms/types';

export interface PersonPickerProps {
  label: string;
  /** people already chosen: shown as such and not offered again */
  exclude?: string[];
  onPick: (person: Person) => void;
  /** offices to narrow by (the city knows them; an OFFICE account only its own) */
  offices?: OfficeOption[];
  /** a warning shown next to a person (e.g. office not covered by the consent) */
  warning?: (person: Person) => string | null;
  /** keep the choice shown in the box (a single pick) instead of clearing it */
  keepValue?: boolean;
  autoFocus?: boolean;
}

/** Waits until typing pauses before searching. */
function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export const PersonLine = ({ person, warning }: { person: Person; warning?: string | null }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="span" sx={{ fontWeight: 600 }}>
        {person.name}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
        {person.nameKana}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[person.officeName, translate(`enums.JobType.${person.jobType}`)].filter(Boolean).join('・')}
      </Typography>
      {warning && (
        <Typography variant="caption" color="warning.main">
          {warning}
        </Typography>
      )}
    </Box>
  );
};

export const PersonPicker = ({ label, exclude = [], onPick, offices, warning, keepValue, autoFocus }: PersonPickerProps) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [value, setValue] = useState<Person | null>(null);
  const q = useDebounced(input);
  const filter = { q: q.trim() || undefined, officeId: officeId || undefined };
  const { data, isFetching } = useApiQuery(keys.directory(filter), (dp) => dp.directory(filter, 20), { staleTime: 30_000 });
  // only the matches of what is typed now: while the search waits for typing to pause, the list of
  // the previous text (or of the whole directory) would change under the pointer as it is clicked
  const current = q === input;
  const options = current ? (data?.items ?? []) : [];
  const more = current ? (data?.total ?? 0) - options.length : 0;

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ width: '100%' }}>
      {offices && offices.length > 1 && (
        <TextField
          select
          fullWidth={false}
          label={translate('rooms.directory.office')}
          value={officeId}
          onChange={(e) => setOfficeId(e.target.value)}
          sx={{ width: { xs: '100%', sm: 220 }, flexShrink: 0 }}
        >
          <MenuItem value="">{translate('rooms.directory.all_offices')}</MenuItem>
          {offices.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {o.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Autocomplete<Person>
        sx={{ flex: 1, minWidth: 260 }}
        options={options}
        value={value}
        loading={isFetching || !current}
        filterOptions={(x) => x}
        getOptionLabel={(p) => `${p.name}（${p.officeName ?? ''}）`}
        getOptionDisabled={(p) => exclude.includes(p.id)}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        inputValue={input}
        onInputChange={(_e, v, reason) => {
          if (reason !== 'reset' || keepValue) setInput(v);
        }}
        onChange={(_e, person) => {
          if (!person) return setValue(null);
          onPick(person);
          if (keepValue) setValue(person);
          else {
            setValue(null);
            setInput('');
          }
        }}
        noOptionsText={translate('rooms.directory.no_results')}
        loadingText={translate('rooms.common.loading')}
        renderOption={({ key, ...props }, person) => (
          <li key={key} {...props}>
            <PersonLine person={person} warning={warning?.(person)} />
            {exclude.includes(person.id) && (
              <Typography variant="caption" sx={{ ml: 'auto', pl: 1 }}>
                {translate('rooms.directory.picked')}
              </Typography>
            )}
          </li>
        )}
        slotProps={{ listbox: { sx: { maxHeight: 360 } } }}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            placeholder={translate('rooms.directory.search')}
            autoFocus={autoFocus}
            helperText={more > 0 ? translate('rooms.directory.more', { count: more }) : ' '}
          />
        )}
      />
    </Stack>
  );
};
