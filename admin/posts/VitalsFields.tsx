// バイタル inputs: big, numeric keyboards on tablets, each with its unit.
import { useTranslate } from 'react-admin';
import { Box, InputAdornment, TextField } from '@mui/material';
import { VITALS, vitalRangeMessage, vitalsProblems, type VitalsText } from './vitals';

export const VitalsFields = ({ value, onChange, disabled }: { value: VitalsText; onChange: (v: VitalsText) => void; disabled?: boolean }) => {
  const translate = useTranslate();
  const problems = vitalsProblems(value);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)' }, gap: 1.5 }}>
      {VITALS.map((d) => (
        <TextField
          key={d.key}
          label={translate(d.label)}
          value={value[d.key] ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, [d.key]: e.target.value })}
          error={problems.includes(d.key)}
          helperText={problems.includes(d.key) ? translate(vitalRangeMessage(d.key)) : undefined}
          slotProps={{
            htmlInput: { inputMode: d.decimal ? 'decimal' : 'numeric', 'aria-label': translate(d.label) },
            input: { endAdornment: <InputAdornment position="end">{translate(d.unit)}</InputAdornment> },
          }}
        />
      ))}
    </Box>
  );
};
