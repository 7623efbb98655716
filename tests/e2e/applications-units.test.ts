// Node-side checks of the account lifecycle screens' pieces: form values → ApplicationInput (only
// the part of the type, only declared fields, hidden inputs' values dropped), the payload back into
// a form, and the report tables' CSV columns.
import { describe, expect, it } from 'vitest';
import { applicationInput, formValuesFromPayload, registrationInput } from '../../admin/applications/formValues.js';
import { auditFilter } from '../../admin/audit/queries.js';
import { rosterPageRows, rosterTable } from '../../admin/reports/reportTables.js';
import { workflowEn, workflowJa } from '../../admin/applications/i18n.js';

const row = {
  name: '看護 花子',
  nameKana: 'カンゴ ハナコ',
  jobType: 'NURSE',
  jobTypeOther: '栄養士',
  careManagerNumber: '12345678',
  ictLinkage: true,
  email: ' ',
  pledgedOn: '2026-11-20',
  extra: 'x',
};

describe('form values → ApplicationInput', () => {
  it('sends only the type’s part, with the StaffInput fields, and drops hidden inputs’ values', () => {
    const input = applicationInput('STAFF_ADDITION', { staffAddition: { staff: [row] }, idStop: { userIds: ['u1'] } }, 'MEDICAL');
    expect(input).toEqual({
      officeRegistration: null,
      idStop: null,
      roomCreation: null,
      roomJoin: null,
      staffAddition: {
        staff: [
          { name: '看護 花子', nameKana: 'カンゴ ハナコ', jobType: 'NURSE', jobTypeOther: null, careManagerNumber: null, ictLinkage: false, email: null, officeAdmin: false, pledgedOn: '2026-11-20' },
        ],
      },
    });
    const cm = applicationInput('STAFF_ADDITION', { staffAddition: { staff: [{ ...row, jobType: 'CARE_MANAGER' }] } }, 'CARE_MANAGEMENT');
    expect((cm.staffAddition as { staff: Record<string, unknown>[] }).staff[0]).toMatchObject({ careManagerNumber: '12345678', ictLinkage: true, jobTypeOther: null });
  });

  it('an ID stop with a blank date means today (null)', () => {
    expect(applicationInput('ID_STOP', { idStop: { userIds: ['u1', 'u2'], stopDate: '' } }).idStop).toEqual({ userIds: ['u1', 'u2'], stopDate: null });
  });

  it('a registration drops the service types of a non-service office and the other delivery address', () => {
    const input = registrationInput({
      office: { kind: 'MEDICAL', name: 'クリニック', serviceTypes: ['HOME_HELP'], credentialsDelivery: 'OFFICE_ADDRESS', credentialsAddress: '別の住所' },
      officePledgedOn: '2026-11-01',
      staff: [{ ...row, officeAdmin: true }],
    });
    expect(input.office).toMatchObject({ kind: 'MEDICAL', serviceTypes: [], credentialsAddress: null, credentialsPostalCode: null });
    expect(input.office).not.toHaveProperty('id');
    expect((input.staff as Record<string, unknown>[])[0]).toMatchObject({ officeAdmin: true, ictLinkage: false });
  });

  it('a returned application’s payload opens as the form it was sent from', () => {
    const payload = { userIds: ['u1'], stopDate: '2026-12-31', users: [{ id: 'u1', name: 'x' }] };
    expect(formValuesFromPayload('ID_STOP', payload)).toEqual({ idStop: { userIds: ['u1'], stopDate: '2026-12-31' } });
    expect(formValuesFromPayload('STAFF_ADDITION', { staff: [row] })).toEqual({ staffAddition: { staff: [row] } });
    expect(formValuesFromPayload('ROOM_CREATION', {})).toEqual({});
  });
});

describe('audit filter and report tables', () => {
  it('passes only AuditFilter keys, trimmed, without blanks', () => {
    expect(auditFilter({ action: ' auth. ', outcome: '', from: '2026-11-01', q: 'x', officeId: null })).toEqual({ action: 'auth.', from: '2026-11-01' });
  });

  it('roster CSV columns: labels for enums, the no-office row named', () => {
    const t = (key: string) => key.split('.').pop()!;
    const table = rosterTable([{ municipalityName: '水戸市', officeId: null, officeName: null, officeKind: null, jobType: 'ADMINISTRATOR', status: 'ACTIVE', count: 1 }], t);
    expect(table.columns.map((c) => c.key)).toEqual(['municipality', 'office', 'office_kind', 'job_type', 'status', 'count']);
    expect(table.columns.map((c) => c.value(table.rows[0]))).toEqual(['水戸市', 'no_office', '', 'ADMINISTRATOR', 'ACTIVE', 1]);
  });

  it('a page of offices as roster rows: a row per job type and status, an office without accounts in one row', () => {
    const office = { municipalityName: '水戸市', officeId: 'o1', officeName: '訪問看護A', officeKind: 'SERVICE' as const };
    const rows = rosterPageRows({
      total: 2,
      items: [
        {
          ...office,
          counts: [
            { jobType: 'NURSE', status: 'ACTIVE', count: 2 },
            { jobType: 'NURSE', status: 'STOPPED', count: 1 },
          ],
        },
        { ...office, officeId: 'o2', officeName: '空の事業所', counts: [] },
      ],
    } as never);
    expect(rows.map((r) => [r.officeName, r.jobType ?? null, r.status ?? null, r.count])).toEqual([
      ['訪問看護A', 'NURSE', 'ACTIVE', 2],
      ['訪問看護A', 'NURSE', 'STOPPED', 1],
      ['空の事業所', null, null, 0],
    ]);
    const t = (key: string) => key.split('.').pop()!;
    expect(rosterTable(rows, t).columns.map((c) => c.value(rows[2]))).toEqual(['水戸市', '空の事業所', 'SERVICE', '', '', 0]);
  });

  it('the English messages have the Japanese keys', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(workflowEn).sort()).toEqual(keys(workflowJa).sort());
  });
});
