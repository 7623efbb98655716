// A button for one record that runs a non-CRUD action (ID停止, 利用再開, ロック解除 ...) after a
// confirmation, then refreshes the page. Shown only when authProvider.canAccess allows `access`
// on this record and `visible(record)` holds.
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useResourceContext, type RaRecord } from 'react-admin';
import type { PanelDataProvider } from '../dataProvider';

export interface RecordActionButtonProps {
  access: string;
  label: string;
  icon: ReactElement;
  run: (dataProvider: PanelDataProvider, record: RaRecord) => Promise<unknown>;
  successMessage: string;
  confirmTitle?: string;
  confirmContent?: string;
  visible?: (record: RaRecord) => boolean;
  color?: 'primary' | 'error' | 'warning' | 'inherit';
}

export const RecordActionButton = ({ access, label, icon, run, successMessage, confirmTitle, confirmContent, visible, color = 'primary' }: RecordActionButtonProps) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ resource, action: access, record });
  const dataProvider = useDataProvider<PanelDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  if (!record || !canAccess || (visible && !visible(record))) return null;

  const execute = async () => {
    setPending(true);
    try {
      await run(dataProvider, record);
      notify(successMessage, { type: 'info' });
      refresh();
    } catch (error) {
      const message = (error as Error)?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button label={label} color={color} disabled={pending} onClick={() => (confirmTitle ? setOpen(true) : void execute())}>
        {icon}
      </Button>
      {confirmTitle && (
        <Confirm
          isOpen={open}
          loading={pending}
          title={confirmTitle}
          content={confirmContent ?? 'ra.message.are_you_sure'}
          translateOptions={{ name: String(record.name ?? '') }}
          confirmColor={color === 'error' ? 'warning' : 'primary'}
          onConfirm={execute}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
