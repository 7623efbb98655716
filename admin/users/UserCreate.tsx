// ID発行 (VENDOR): the account, then the person's roster data.
import { Create, SaveButton, SimpleForm, Toolbar, useGetOne } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AccountInputs } from './AccountInputs';
import { RosterInputs } from './RosterInputs';

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The roster inputs depend on the chosen role and office. */
const RosterForAccount = () => {
  const role = useWatch({ name: 'account.role' });
  const officeId = useWatch({ name: 'account.officeId' });
  const { data: office } = useGetOne('offices', { id: officeId }, { enabled: role === 'OFFICE' && !!officeId });
  return <RosterInputs role={role} officeKind={role === 'OFFICE' ? office?.kind : undefined} />;
};

/** Values of inputs the chosen role hides are not sent. */
const transform = (data: Record<string, unknown>) => {
  const account = { ...(data.account as Record<string, unknown>) };
  if (account.role !== 'OFFICE') account.officeId = null;
  if (account.role !== 'CITY') account.municipalityId = null;
  return { ...data, account, officeAdmin: account.role === 'OFFICE' ? !!data.officeAdmin : false };
};

export const UserCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }} defaultValues={{ account: { role: 'OFFICE' }, ictLinkage: false, officeAdmin: false }}>
      <AccountInputs />
      <RosterForAccount />
    </SimpleForm>
  </Create>
);
