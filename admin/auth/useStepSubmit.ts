// One sign-in step's submission: busy flag, the server's message, and its field errors.
import { useCallback, useState } from 'react';
import { useTranslate } from 'react-admin';
import { isApiError, type ApiFieldError } from '../graphql/errors';

export interface StepError {
  message: string;
  code?: string;
  reason?: string;
  fields: Record<string, string>;
}

export function useStepSubmit() {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StepError | null>(null);

  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action();
      } catch (e) {
        if (isApiError(e)) {
          const fields = Object.fromEntries(e.body.fields.map((f: ApiFieldError) => [f.field, f.message]));
          const message = e.body.fields.length > 0 && e.body.code === 'BAD_USER_INPUT' ? translate('ra.message.invalid_form') : translate(e.message, { _: e.message });
          setError({ message, code: e.body.code, reason: e.body.reason, fields });
        } else {
          setError({ message: translate('ra.notification.http_error'), fields: {} });
        }
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [translate],
  );

  return { busy, error, setError, run };
}
