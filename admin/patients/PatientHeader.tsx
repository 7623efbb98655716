// The patient at the top of a room: name and フリガナ, age, birth date in 和暦 and western, sex,
// care level; and the full 様式6 details where the city or a member needs them.
import { useTranslate } from 'react-admin';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Patient } from '../rooms/types';
import { Field, FieldGrid } from '../rooms/ui';
import { ageOn, formatWareki, formatWestern } from './format';

export const PatientHeader = ({ patient }: { patient: Patient }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary" component="div">
        {patient.nameKana}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {patient.name}
        </Typography>
        <Typography variant="h6" component="span">
          {translate('rooms.patient.age', { age: ageOn(patient.birthDate) })}
        </Typography>
        <Typography component="span" color="text.secondary">
          {translate(`rooms.enums.Sex.${patient.sex}`)}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
        <Typography component="span" data-testid="birth-date">
          {patient.birthDateWareki}（{formatWestern(patient.birthDate)}）
        </Typography>
        <Chip size="small" color="primary" variant="outlined" label={`${translate('rooms.patient.careLevel')}: ${translate(`rooms.enums.CareLevel.${patient.careLevel}`)}`} />
      </Stack>
    </Box>
  );
};

/** Every field of the patient, for the city's review and the consent tab. */
type PatientFields = Omit<Patient, 'id' | 'birthDateWareki' | 'postalCode' | 'phone' | 'insuredNumber'> & { postalCode?: string | null; phone?: string | null; insuredNumber?: string | null };

export const PatientDetails = ({ patient }: { patient: PatientFields }) => {
  const translate = useTranslate();
  return (
    <FieldGrid>
      <Field label="rooms.patient.name">{patient.name}</Field>
      <Field label="rooms.patient.nameKana">{patient.nameKana}</Field>
      <Field label="rooms.patient.sex">{translate(`rooms.enums.Sex.${patient.sex}`)}</Field>
      <Field label="rooms.patient.birthDate">
        {patient.birthDate ? `${formatWareki(patient.birthDate)}（${formatWestern(patient.birthDate)}）・${translate('rooms.patient.age', { age: ageOn(patient.birthDate) })}` : null}
      </Field>
      <Field label="rooms.patient.postalCode">{patient.postalCode}</Field>
      <Field label="rooms.patient.address">{patient.address}</Field>
      <Field label="rooms.patient.phone">{patient.phone}</Field>
      <Field label="rooms.patient.careLevel">{translate(`rooms.enums.CareLevel.${patient.careLevel}`)}</Field>
      <Field label="rooms.patient.insuredNumber">{patient.insuredNumber}</Field>
    </FieldGrid>
  );
};
