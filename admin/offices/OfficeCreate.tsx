import { Create, ReferenceInput, SelectInput } from 'react-admin';
import { OfficeForm } from './OfficeForm';
import { officeTransform } from './officeTransform';
import { useRole } from '../common/useRole';
import * as v from '../common/validators';

/** VENDOR picks the municipality; CITY creates in its own (the server decides). */
const MunicipalityPicker = () => {
  const { isVendor } = useRole();
  if (!isVendor) return null;
  return (
    <ReferenceInput source="municipalityId" reference="municipalities" sort={{ field: 'code', order: 'ASC' }}>
      <SelectInput optionText="name" validate={v.required()} sx={{ maxWidth: 320 }} />
    </ReferenceInput>
  );
};

export const OfficeCreate = () => (
  <Create redirect="show" transform={officeTransform}>
    <OfficeForm head={<MunicipalityPicker />} />
  </Create>
);
