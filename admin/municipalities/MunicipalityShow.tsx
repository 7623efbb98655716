import { DataTable, EmailField, Pagination, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { choices } from '../common/enums';
import { DateTimeField } from '../common/DateTimeField';
import { StatusField } from '../common/StatusField';

export const MunicipalityShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="prefecture" />
      <TextField source="name" />
      <TextField source="contactName" emptyText="—" />
      <EmailField source="contactEmail" emptyText="—" />
      <DateTimeField source="createdAt" />
      <ReferenceManyField label="resources.offices.name" reference="offices" target="municipalityId" sort={{ field: 'nameKana', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" label="resources.offices.fields.name" disableSort />
          <DataTable.Col source="kind" label="resources.offices.fields.kind" disableSort>
            <SelectField source="kind" choices={choices.officeKind} />
          </DataTable.Col>
          <DataTable.Col source="officeNumber" label="resources.offices.fields.officeNumber" />
          <DataTable.Col source="status" label="resources.offices.fields.status" disableSort>
            <StatusField enumType="OfficeStatus" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
