// A date and time in Japan time (the browser's own time zone may differ), e.g. 2026/11/24 11:38.
import { DateField, type DateFieldProps } from 'react-admin';

const options: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };

export const DateTimeField = (props: DateFieldProps) => <DateField locales="ja-JP" options={options} emptyText="—" {...props} />;
