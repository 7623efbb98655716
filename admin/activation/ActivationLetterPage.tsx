// ID通知書 (#/activation-letter, outside the layout, for printing): one sheet per person with the
// office, name, login ID, activation code, its expiry and how to start. The codes live in memory
// only (letterStore): printing again later means issuing new codes, which replaces these.
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Stack } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { clearLetter, getLetter } from './letterStore';
import { formatDateTime } from '../applications/fields';
import type { ActivationLetterEntry } from '../applications/queries';

const printCss = `
.letter-page { background: #eceff1; min-height: 100vh; padding: 24px 16px; }
.letter-sheet { background: #fff; color: #000; width: 210mm; min-height: 270mm; margin: 0 auto 24px; padding: 20mm 18mm; box-sizing: border-box;
  box-shadow: 0 1px 4px rgba(0,0,0,.25); font-family: "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif; font-size: 11pt; line-height: 1.7; }
.letter-sheet h1 { font-size: 16pt; margin: 0 0 4mm; border-bottom: 2px solid #000; padding-bottom: 2mm; }
.letter-sheet .meta { text-align: right; font-size: 10pt; }
.letter-sheet .addressee { font-size: 13pt; margin: 6mm 0 4mm; }
.letter-sheet table { border-collapse: collapse; width: 100%; margin: 4mm 0 6mm; }
.letter-sheet th, .letter-sheet td { border: 1px solid #000; padding: 2.5mm 3mm; text-align: left; vertical-align: top; }
.letter-sheet th { width: 38mm; background: #f2f2f2; font-weight: 600; }
.letter-sheet .code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 15pt; letter-spacing: .12em; font-weight: 700; }
.letter-sheet h2 { font-size: 12pt; margin: 4mm 0 2mm; }
.letter-sheet ol { margin: 0; padding-left: 6mm; }
.letter-sheet .url { font-family: monospace; word-break: break-all; }
.letter-sheet .notes { margin-top: 6mm; border: 1px dashed #000; padding: 3mm; font-size: 9.5pt; }
@media print {
  @page { size: A4; margin: 0; }
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .letter-page { background: #fff; padding: 0; }
  .letter-sheet { box-shadow: none; margin: 0; page-break-after: always; break-after: page; }
  .letter-sheet:last-child { page-break-after: auto; break-after: auto; }
}`;

const Sheet = ({ entry, issuedAt }: { entry: ActivationLetterEntry; issuedAt: string }) => {
  const translate = useTranslate();
  const activateUrl = `${window.location.origin}/#/activate`;
  return (
    <section className="letter-sheet" data-testid="letter-sheet">
      <div className="meta">
        {translate('app.letter.issued_on')}: {formatDateTime(issuedAt).slice(0, 10)}
      </div>
      <h1>{translate('app.letter.heading')}</h1>
      <div>{translate('app.title')}</div>
      <div className="addressee">
        {entry.officeName}
        <br />
        {translate('app.letter.addressee', { name: entry.name })}
      </div>
      <table>
        <tbody>
          <tr>
            <th>{translate('app.letter.office')}</th>
            <td>{entry.officeName}</td>
          </tr>
          <tr>
            <th>{translate('app.letter.name')}</th>
            <td>
              {entry.name} ({entry.nameKana})
            </td>
          </tr>
          <tr>
            <th>{translate('app.letter.login_id')}</th>
            <td className="code" data-testid="letter-login-id">
              {entry.loginId}
            </td>
          </tr>
          <tr>
            <th>{translate('app.letter.activation_code')}</th>
            <td className="code" data-testid="letter-activation-code">
              {entry.activationCode}
            </td>
          </tr>
          <tr>
            <th>{translate('app.letter.expires')}</th>
            <td>{translate('app.letter.expires_value', { date: formatDateTime(entry.expiresAt) })}</td>
          </tr>
        </tbody>
      </table>
      <h2>{translate('app.letter.how_to')}</h2>
      <ol>
        <li>
          {translate('app.letter.step1')}
          <br />
          <span className="url">{activateUrl}</span>
        </li>
        <li>{translate('app.letter.step2')}</li>
        <li>{translate('app.letter.step3')}</li>
        <li>{translate('app.letter.step4')}</li>
      </ol>
      <div className="notes">{translate('app.letter.notes')}</div>
    </section>
  );
};

export const ActivationLetterPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const letter = getLetter();
  const back = () => {
    const returnTo = letter?.returnTo;
    clearLetter();
    navigate(returnTo ?? '/');
  };
  return (
    <div className="letter-page">
      <style>{printCss}</style>
      <Box className="no-print" sx={{ maxWidth: '210mm', mx: 'auto', mb: 2 }}>
        {letter ? (
          <Stack spacing={1}>
            <Alert severity="warning">{translate('app.letter.once_warning')}</Alert>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
                {translate('app.letter.print')}
              </Button>
              <Button onClick={back}>{translate('app.letter.back')}</Button>
              <Box sx={{ flex: 1 }} />
              <span>
                {letter.summary} ・ {translate('app.letter.count', { smart_count: letter.entries.length })}
              </span>
            </Stack>
          </Stack>
        ) : (
          <Stack spacing={1}>
            <Alert severity="info">{translate('app.letter.gone')}</Alert>
            <Button onClick={back} sx={{ alignSelf: 'flex-start' }}>
              {translate('app.letter.back')}
            </Button>
          </Stack>
        )}
      </Box>
      {letter?.entries.map((entry) => (
        <Sheet key={entry.loginId} entry={entry} issuedAt={letter.issuedAt} />
      ))}
    </div>
  );
};
