import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { IdleSignOut } from '../auth/IdleSignOut';
import { NamedProgress } from '../common/Spinner';

// On a phone or a narrow tablet the page is never wider than the screen: react-admin's layout is
// at least as wide as its content (min-width: fit-content) and the content column, a flex item,
// as wide as its own content; with both at 0 a wide table scrolls inside its own container
// instead of the whole page scrolling sideways.
const contentShrinks = { minWidth: { xs: 0, md: 'fit-content' }, '& .RaLayout-content': { minWidth: 0 } };

export const Layout = ({ children }: { children: ReactNode }) => (
  <NamedProgress>
    <RaLayout appBar={AppBar} menu={Menu} sx={contentShrinks}>
      <IdleSignOut />
      {children}
    </RaLayout>
  </NamedProgress>
);
