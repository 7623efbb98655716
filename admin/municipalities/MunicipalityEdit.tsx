import { Edit } from 'react-admin';
import { MunicipalityForm } from './MunicipalityForm';

export const MunicipalityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <MunicipalityForm />
  </Edit>
);
