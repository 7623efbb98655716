import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { IdleSignOut } from '../auth/IdleSignOut';

// The content column may shrink below its content's width (a flex item's min-width is its
// content's by default): a wide table then scrolls inside its own container instead of making
// the whole page scroll sideways on a phone.
const contentShrinks = { '& .RaLayout-content': { minWidth: 0 } };

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu} sx={contentShrinks}>
    <IdleSignOut />
    {children}
  </RaLayout>
);
