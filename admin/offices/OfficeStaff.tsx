// The office's accounts (職員), for those who may list accounts: VENDOR, CITY, the office admin.
import { DataTable, Pagination, ReferenceManyField, SelectField, useCanAccess } from 'react-admin';
import { choices } from '../common/enums';
import { FormSection } from '../common/FormSection';
import { StatusField } from '../common/StatusField';

export const OfficeStaff = () => {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  if (!canAccess) return null;
  return (
    <FormSection title="app.sections.staff">
      <ReferenceManyField reference="users" target="officeId" sort={{ field: 'nameKana', order: 'ASC' }} perPage={50} pagination={<Pagination />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" label="resources.users.fields.name" disableSort />
          <DataTable.Col source="nameKana" label="resources.users.fields.nameKana" />
          <DataTable.Col source="jobType" label="resources.users.fields.jobType" disableSort>
            <SelectField source="jobType" choices={choices.jobType} />
          </DataTable.Col>
          <DataTable.Col source="officeAdmin" label="resources.users.fields.officeAdmin" render={(r) => (r.officeAdmin ? '✓' : '')} disableSort />
          <DataTable.Col source="status" label="resources.users.fields.status" disableSort>
            <StatusField enumType="UserStatus" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </FormSection>
  );
};
