// 印刷用PDF: the paper forms of an application filled from it (GET /forms/applications/<id>/<form>.pdf,
// api/forms/), to print, sign or seal, scan and add back to the same application as its attachments
// (the button beside them). The server decides who gets the forms (the same people who read the
// application's fields) and who may attach (the applicant side and the city, until the form is closed).
import { useRef, useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Button, Stack, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { FormSection } from '../common/FormSection';
import { useRole } from '../common/useRole';
import { request } from '../graphql/client';
import { AddApplicationAttachmentsDocument } from '../graphql/generated/graphql';
import { toUploads } from '../posts/uploads';
import { ACCEPTED_FILES, MAX_FILES } from '../applications/files';

/** The forms of each application type: the URL's name and the label's key. */
const FORMS: Record<string, { form: string; label: string }[]> = {
  ROOM_CREATION: [
    { form: 'consent', label: 'consent' },
    { form: 'room-request', label: 'roomRequest' },
  ],
  ID_STOP: [{ form: 'id-stop', label: 'idStop' }],
  OFFICE_REGISTRATION: [{ form: 'registration', label: 'registration' }],
  STAFF_ADDITION: [{ form: 'registration', label: 'registration' }],
};
const ROOM_TYPES = ['ROOM_CREATION'];
/** a closed form takes no more scans (api/applications/application.service.ts attach) */
const FINAL_STATES = ['REJECTED', 'WITHDRAWN', 'COMPLETED'];

/** Picks the signed scans and adds them to the application. */
const AttachScansButton = ({ applicationId }: { applicationId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const attach = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const uploads = await toUploads(files.slice(0, MAX_FILES));
      await request(AddApplicationAttachmentsDocument, { applicationId, attachments: uploads });
      notify('app.forms.attached', { type: 'success', messageArgs: { smart_count: uploads.length } });
      refresh();
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={Object.entries(ACCEPTED_FILES)
          .flatMap(([type, ext]) => [type, ...ext])
          .join(',')}
        data-testid="attach-scans-input"
        onChange={(e) => void attach([...(e.target.files ?? [])])}
      />
      <Button variant="contained" size="small" startIcon={<UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()} data-testid="attach-scans">
        {translate('app.forms.attach')}
      </Button>
    </>
  );
};

export const PrintableForms = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { isVendor } = useRole();
  const forms = (record && FORMS[record.type as string]) ?? [];
  // a room form whose patient the caller may not read (its payload comes without one) has no forms to print either
  if (!record || forms.length === 0 || (ROOM_TYPES.includes(record.type) && !record.payload?.patient)) return null;
  return (
    <FormSection title="app.forms.title">
      <Typography variant="body2" sx={{ mb: 1.5 }}>
        {translate('app.forms.help')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {forms.map((f) => (
          <Button key={f.form} variant="outlined" size="small" startIcon={<PrintIcon />} href={`/forms/applications/${record.id}/${f.form}.pdf`} data-testid={`print-form-${f.form}`}>
            {translate(`app.forms.${f.label}`)} ({translate('app.forms.print')})
          </Button>
        ))}
        {!isVendor && !FINAL_STATES.includes(record.state) && <AttachScansButton applicationId={String(record.id)} />}
      </Stack>
    </FormSection>
  );
};
