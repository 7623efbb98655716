// 事業所の詳細: the registration data by section, its staff, and the VENDOR's actions.
import { EditButton, EmailField, Labeled, ReferenceField, SelectField, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { Box } from '@mui/material';
import { choices } from '../common/enums';
import { DateTimeField } from '../common/DateTimeField';
import { EnumChipsField } from '../common/EnumChipsField';
import { FormSection } from '../common/FormSection';
import { StatusField } from '../common/StatusField';
import { useRole } from '../common/useRole';
import { DeactivateOfficeButton, ReactivateOfficeButton } from './OfficeActionButtons';
import { OfficeStaff } from './OfficeStaff';

const OfficeShowActions = () => (
  <TopToolbar>
    <EditButton />
    <DeactivateOfficeButton />
    <ReactivateOfficeButton />
  </TopToolbar>
);

/** Labeled fields in a responsive grid. */
const Grid = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>{children}</Box>
);

const ServiceSection = () => {
  const record = useRecordContext();
  if (record?.kind !== 'SERVICE') return null;
  return (
    <FormSection title="app.sections.services">
      <Grid>
        <Labeled source="serviceTypes">
          <EnumChipsField source="serviceTypes" enumType="ServiceType" />
        </Labeled>
        {record.serviceTypeOther && (
          <Labeled>
            <TextField source="serviceTypeOther" />
          </Labeled>
        )}
      </Grid>
    </FormSection>
  );
};

const DeliverySection = () => {
  const record = useRecordContext();
  return (
    <FormSection title="app.sections.delivery">
      <Grid>
        <Labeled>
          <SelectField source="credentialsDelivery" choices={choices.credentialsDelivery} />
        </Labeled>
        {record?.credentialsDelivery === 'OTHER_ADDRESS' && (
          <>
            <Labeled>
              <TextField source="credentialsPostalCode" emptyText="—" />
            </Labeled>
            <Labeled>
              <TextField source="credentialsAddress" />
            </Labeled>
          </>
        )}
      </Grid>
    </FormSection>
  );
};

export const OfficeShow = () => {
  const { isVendor } = useRole();
  return (
    <Show actions={<OfficeShowActions />}>
      <Box sx={{ p: 2 }}>
        <FormSection title="app.sections.basic">
          <Grid>
            <Labeled>
              <TextField source="name" />
            </Labeled>
            <Labeled>
              <TextField source="nameKana" emptyText="—" />
            </Labeled>
            <Labeled>
              <SelectField source="kind" choices={choices.officeKind} />
            </Labeled>
            <Labeled>
              <TextField source="officeNumber" emptyText="—" />
            </Labeled>
            {isVendor ? (
              <Labeled source="municipality">
                <ReferenceField source="municipality.id" reference="municipalities" link="show">
                  <TextField source="name" />
                </ReferenceField>
              </Labeled>
            ) : (
              <Labeled source="municipality">
                <TextField source="municipality.name" />
              </Labeled>
            )}
            <Labeled source="status">
              <StatusField enumType="OfficeStatus" />
            </Labeled>
          </Grid>
        </FormSection>
        <ServiceSection />
        <FormSection title="app.sections.office_contact">
          <Grid>
            <Labeled>
              <TextField source="postalCode" emptyText="—" />
            </Labeled>
            <Labeled>
              <TextField source="address" />
            </Labeled>
            <Labeled>
              <TextField source="phone" />
            </Labeled>
            <Labeled>
              <EmailField source="contactEmail" />
            </Labeled>
          </Grid>
        </FormSection>
        <FormSection title="app.sections.corporation">
          <Grid>
            <Labeled>
              <TextField source="corporationName" />
            </Labeled>
            <Labeled>
              <TextField source="corporationNameKana" />
            </Labeled>
            <Labeled>
              <TextField source="representativeName" />
            </Labeled>
            <Labeled>
              <TextField source="representativeNameKana" />
            </Labeled>
            <Labeled>
              <TextField source="corporationPostalCode" emptyText="—" />
            </Labeled>
            <Labeled>
              <TextField source="corporationAddress" />
            </Labeled>
            <Labeled>
              <TextField source="corporationPhone" />
            </Labeled>
          </Grid>
        </FormSection>
        <DeliverySection />
        <FormSection title="app.sections.note">
          <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        </FormSection>
        <FormSection title="app.sections.record">
          <Grid>
            <Labeled>
              <DateTimeField source="createdAt" />
            </Labeled>
            <Labeled>
              <DateTimeField source="updatedAt" />
            </Labeled>
          </Grid>
        </FormSection>
        <OfficeStaff />
      </Box>
    </Show>
  );
};
