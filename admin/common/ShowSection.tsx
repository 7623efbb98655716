// The read-only side of FormSection, for show pages (事業所, アカウント): a titled section of
// labelled fields in a responsive grid, and the record's created/updated times every such page ends with.
import type { ReactNode } from 'react';
import { Labeled, TextField, type TextFieldProps } from 'react-admin';
import { Box } from '@mui/material';
import { DateTimeField } from './DateTimeField';
import { FormSection } from './FormSection';

/** Labelled fields in a responsive grid. */
export const ShowGrid = ({ children }: { children: ReactNode }) => <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>{children}</Box>;

export const ShowSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <FormSection title={title}>
    <ShowGrid>{children}</ShowGrid>
  </FormSection>
);

/** A text field under its label, which Labeled takes from `source` (resources.<resource>.fields.<source>). */
export const LabeledText = (props: TextFieldProps) => (
  <Labeled>
    <TextField {...props} />
  </Labeled>
);

export const RecordTimesSection = () => (
  <ShowSection title="app.sections.record">
    <Labeled>
      <DateTimeField source="createdAt" />
    </Labeled>
    <Labeled>
      <DateTimeField source="updatedAt" />
    </Labeled>
  </ShowSection>
);
