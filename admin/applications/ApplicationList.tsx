// 申請一覧: a work queue per role. The city starts at what has arrived and waits for its review
// (審査待ち), the vendor at what was forwarded to it (登録処理待ち), office accounts at their own
// applications. Filters: type, state(s), words in the summary.
import { CreateButton, DataTable, List, SearchInput, SelectArrayInput, SelectInput, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { noWrap, tableSx } from '../common/tableStyles';
import { useRole } from '../common/useRole';
import { enumChoices } from '../common/enums';
import { StateField, formatDateTime } from './fields';

const typeChoices = enumChoices('ApplicationType');
const stateChoices = enumChoices('ApplicationState');

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="app.applications.new" />}</TopToolbar>;
};

export function queueOf(role: string | undefined): string[] | undefined {
  if (role === 'CITY') return ['SUBMITTED'];
  if (role === 'VENDOR') return ['FORWARDED'];
  return undefined;
}

export const ApplicationList = () => {
  const { role, isPending, isOffice } = useRole();
  if (isPending) return null;
  const queue = queueOf(role);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="type" source="type" choices={typeChoices} alwaysOn />,
    <SelectArrayInput key="states" source="states" choices={stateChoices} alwaysOn sx={{ minWidth: 220 }} />,
  ];
  return (
    <List
      title={role === 'CITY' ? 'app.applications.queue_city' : role === 'VENDOR' ? 'app.applications.queue_vendor' : 'app.applications.queue_office'}
      filters={filters}
      filterDefaultValues={queue ? { states: queue } : {}}
      // a queue is worked oldest first; one's own applications newest first
      sort={{ field: 'submittedAt', order: isOffice ? 'DESC' : 'ASC' }}
      actions={<ListActions />}
      exporter={false}
      empty={false}
      perPage={25}
      storeKey={`applications.${role}`}
    >
      <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
        <DataTable.Col source="submittedAt" sx={noWrap} render={(r) => formatDateTime(r.submittedAt)} />
        <DataTable.Col source="receiptNumber" disableSort sx={noWrap} />
        <DataTable.Col source="type" sx={noWrap} disableSort render={(r) => <TypeLabel type={r.type} />} />
        <DataTable.Col source="state" sx={noWrap} disableSort>
          <StateField />
        </DataTable.Col>
        <DataTable.Col source="summary" disableSort />
        <DataTable.Col source="applicantName" disableSort />
        {!isOffice && <DataTable.Col source="office.name" label="resources.applications.fields.office" disableSort />}
        <DataTable.Col source="updatedAt" sx={noWrap} render={(r) => formatDateTime(r.updatedAt)} />
      </DataTable>
    </List>
  );
};

const TypeLabel = ({ type }: { type: string }) => {
  const translate = useTranslate();
  return <>{translate(`enums.ApplicationType.${type}`)}</>;
};
