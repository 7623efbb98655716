// The room screens' routes (mounted in App.tsx's CustomRoutes) and menu entries (layout/Menu.tsx).
//   #/rooms                            CITY 部屋一覧 / OFFICE 参加中の部屋
//   #/room-request                     OFFICE 部屋作成の申請 (様式6 + 様式5)
//   #/room-request/:applicationId      OFFICE corrects a returned request and resubmits it
//   #/rooms/create-from/:applicationId CITY creates the room from a ROOM_CREATION application
//   #/rooms/:id/show                   the room (the link in the new-post e-mail)
// Who may open which is authProvider.canAccess('rooms', …) (auth/access.ts).
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { CanAccess, Menu, useCanAccess } from 'react-admin';
import ForumIcon from '@mui/icons-material/Forum';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { useRole } from '../common/useRole';
import { lazyScreen } from '../common/lazyScreen';
import { Loading, RoomNotFound } from './ui';

const RoomList = lazyScreen(() => import('./RoomList'), 'RoomList');
const RoomPage = lazyScreen(() => import('./RoomPage'), 'RoomPage');
const RoomRequestForm = lazyScreen(() => import('./RoomRequestForm'), 'RoomRequestForm');
const RoomRequestResubmit = lazyScreen(() => import('./RoomRequestForm'), 'RoomRequestResubmit');
const CreateRoomFromApplication = lazyScreen(() => import('./CreateRoomFromApplication'), 'CreateRoomFromApplication');

const Gate = ({ action, children }: { action: string; children: ReactNode }) => (
  <CanAccess resource="rooms" action={action} loading={<Loading />} accessDenied={<RoomNotFound />}>
    {children}
  </CanAccess>
);

export const roomRoutes = [
  <Route
    key="rooms-list"
    path="/rooms"
    element={
      <Gate action="list">
        <RoomList />
      </Gate>
    }
  />,
  <Route
    key="rooms-request"
    path="/room-request"
    element={
      <Gate action="request">
        <RoomRequestForm />
      </Gate>
    }
  />,
  <Route
    key="rooms-request-resubmit"
    path="/room-request/:applicationId"
    element={
      <Gate action="request">
        <RoomRequestResubmit />
      </Gate>
    }
  />,
  <Route
    key="rooms-create-from"
    path="/rooms/create-from/:applicationId"
    element={
      <Gate action="create_from_application">
        <CreateRoomFromApplication />
      </Gate>
    }
  />,
  <Route
    key="rooms-show"
    path="/rooms/:id/show"
    element={
      <Gate action="show">
        <RoomPage />
      </Gate>
    }
  />,
];

/** CITY: 部屋一覧; OFFICE: 参加中の部屋 and 部屋作成の申請; VENDOR: nothing. */
export const RoomMenuItems = () => {
  const { isCity } = useRole();
  const list = useCanAccess({ resource: 'rooms', action: 'list' });
  const request = useCanAccess({ resource: 'rooms', action: 'request' });
  return (
    <>
      {list.canAccess && <Menu.Item to="/rooms" primaryText={isCity ? 'rooms.menu.list' : 'rooms.menu.mine'} leftIcon={isCity ? <MeetingRoomIcon /> : <ForumIcon />} />}
      {request.canAccess && <Menu.Item to="/room-request" primaryText="rooms.menu.request" leftIcon={<NoteAddIcon />} />}
    </>
  );
};
