import { Edit } from 'react-admin';
import { OfficeForm } from './OfficeForm';
import { officeTransform } from './officeTransform';

// pessimistic: the server checks the version (optimistic locking) and the form shows its field errors
export const OfficeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={officeTransform}>
    <OfficeForm />
  </Edit>
);
