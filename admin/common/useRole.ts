// The signed-in role (authProvider.getPermissions), for role-dependent inputs and columns.
import { usePermissions } from 'react-admin';
import type { Role } from '../auth/authApi';

export function useRole() {
  const { permissions, isPending } = usePermissions<{ role: Role; officeAdmin: boolean }>();
  const role = permissions?.role;
  return {
    isPending,
    role,
    isVendor: role === 'VENDOR',
    isCity: role === 'CITY',
    isOfficeAdmin: role === 'OFFICE' && !!permissions?.officeAdmin,
    isOffice: role === 'OFFICE',
  };
}
