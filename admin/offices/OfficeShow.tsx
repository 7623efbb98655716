// 事業所の詳細: the registration data by section, its staff, and the VENDOR's actions.
import { EditButton, EmailField, Labeled, ReferenceField, SelectField, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { Box } from '@mui/material';
import { choices } from '../common/enums';
import { EnumChipsField } from '../common/EnumChipsField';
import { FormSection } from '../common/FormSection';
import { LabeledText, RecordTimesSection, ShowSection } from '../common/ShowSection';
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

const ServiceSection = () => {
  const record = useRecordContext();
  if (record?.kind !== 'SERVICE') return null;
  return (
    <ShowSection title="app.sections.services">
      <Labeled source="serviceTypes">
        <EnumChipsField source="serviceTypes" enumType="ServiceType" />
      </Labeled>
      {record.serviceTypeOther && <LabeledText source="serviceTypeOther" />}
    </ShowSection>
  );
};

const DeliverySection = () => {
  const record = useRecordContext();
  return (
    <ShowSection title="app.sections.delivery">
      <Labeled>
        <SelectField source="credentialsDelivery" choices={choices.credentialsDelivery} />
      </Labeled>
      {record?.credentialsDelivery === 'OTHER_ADDRESS' && (
        <>
          <LabeledText source="credentialsPostalCode" emptyText="—" />
          <LabeledText source="credentialsAddress" />
        </>
      )}
    </ShowSection>
  );
};

export const OfficeShow = () => {
  const { isVendor } = useRole();
  return (
    <Show actions={<OfficeShowActions />}>
      <Box sx={{ p: 2 }}>
        <ShowSection title="app.sections.basic">
          <LabeledText source="name" />
          <LabeledText source="nameKana" emptyText="—" />
          <Labeled>
            <SelectField source="kind" choices={choices.officeKind} />
          </Labeled>
          <LabeledText source="officeNumber" emptyText="—" />
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
        </ShowSection>
        <ServiceSection />
        <ShowSection title="app.sections.office_contact">
          <LabeledText source="postalCode" emptyText="—" />
          <LabeledText source="address" />
          <LabeledText source="phone" />
          <Labeled>
            <EmailField source="contactEmail" />
          </Labeled>
        </ShowSection>
        <ShowSection title="app.sections.corporation">
          <LabeledText source="corporationName" />
          <LabeledText source="corporationNameKana" />
          <LabeledText source="representativeName" />
          <LabeledText source="representativeNameKana" />
          <LabeledText source="corporationPostalCode" emptyText="—" />
          <LabeledText source="corporationAddress" />
          <LabeledText source="corporationPhone" />
        </ShowSection>
        <DeliverySection />
        <FormSection title="app.sections.note">
          <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        </FormSection>
        <RecordTimesSection />
        <OfficeStaff />
      </Box>
    </Show>
  );
};
