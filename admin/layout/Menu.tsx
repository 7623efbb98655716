// The side menu: resource entries appear only where authProvider.canAccess allows the list;
// OFFICE accounts get their roster / own account and their own office instead.
import { Menu as RaMenu, useGetIdentity } from 'react-admin';
import GroupIcon from '@mui/icons-material/Group';
import PersonIcon from '@mui/icons-material/Person';
import StoreIcon from '@mui/icons-material/Store';
import KeyIcon from '@mui/icons-material/Key';
import { WorkflowMenuItems } from '../applications/routes';
import { RoomMenuItems } from '../rooms';

export const Menu = () => {
  const { identity } = useGetIdentity();
  const isOffice = identity?.role === 'OFFICE';
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="app.menu.dashboard" />
      <RoomMenuItems />
      <RaMenu.ResourceItem name="municipalities" />
      <RaMenu.ResourceItem name="offices" />
      {!isOffice && <RaMenu.ResourceItem name="users" />}
      {isOffice && identity?.officeAdmin && <RaMenu.Item to="/users" primaryText="app.menu.roster" leftIcon={<GroupIcon />} />}
      {isOffice && !identity?.officeAdmin && <RaMenu.Item to={`/users/${identity.id}/show`} primaryText="app.menu.my_account" leftIcon={<PersonIcon />} />}
      {isOffice && identity?.office && <RaMenu.Item to={`/offices/${identity.office.id}/show`} primaryText="app.menu.my_office" leftIcon={<StoreIcon />} />}
      <WorkflowMenuItems />
      {identity && <RaMenu.Item to="/password" primaryText="app.menu.change_password" leftIcon={<KeyIcon />} />}
    </RaMenu>
  );
};
