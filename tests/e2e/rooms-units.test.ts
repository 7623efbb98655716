// Node-side checks of the room screens' pieces that need no browser: the birth-date preview (和暦
// and western, as the API parses them), ages, vitals as typed, files before upload, and where the
// API's field errors land on the request form.
import { describe, expect, it } from 'vitest';
import { ageOn, previewBirthDate } from '../../admin/patients/format.js';
import { textToVitals, vitalsProblems } from '../../admin/posts/vitals.js';
import { checkFiles } from '../../admin/posts/uploads.js';

describe('birth dates', () => {
  it('reads 和暦, its short form and western dates alike, and shows both forms', () => {
    for (const typed of ['昭和15年3月2日', 'S15.3.2', '1940-03-02', '１９４０／３／２']) {
      expect(previewBirthDate(typed), typed).toMatchObject({ iso: '1940-03-02', wareki: '昭和15年3月2日', western: '1940年3月2日' });
    }
    expect(previewBirthDate('平成元年1月8日')?.iso).toBe('1989-01-08');
  });

  it('says nothing for what is not (yet) a date', () => {
    for (const typed of ['', '昭和', 'S15.2.30', '昭和65年1月1日', 'abc']) expect(previewBirthDate(typed), typed).toBeNull();
  });

  it('counts full years in Japan time', () => {
    expect(ageOn('1940-03-02', '2026-03-01')).toBe(85);
    expect(ageOn('1940-03-02', '2026-03-02')).toBe(86);
  });
});

describe('vitals as typed', () => {
  it('sends numbers, full-width digits included, and nothing when nothing was typed', () => {
    expect(textToVitals({ systolic: '１５２', diastolic: '88', temperature: '36.8', pulse: '' })).toEqual({ systolic: 152, diastolic: 88, temperature: 36.8 });
    expect(textToVitals({})).toBeNull();
  });

  it('flags values outside the API’s ranges and decimals where a whole number is expected', () => {
    expect(vitalsProblems({ systolic: '999', pulse: '72.5', spo2: 'x', temperature: '36.8', weight: '48.5' }).sort()).toEqual(['pulse', 'spo2', 'systolic']);
  });
});

describe('files before upload', () => {
  const file = (name: string, type: string, size = 10) => ({ name, type, size }) as File;
  it('accepts PDF, JPEG and PNG up to 5 MB, three at most', () => {
    expect(checkFiles([file('a.pdf', 'application/pdf'), file('b.jpg', 'image/jpeg'), file('c.png', 'image/png')])).toBeNull();
    expect(checkFiles([file('a.gif', 'image/gif')])).toEqual({ key: 'rooms.post.file_type', name: 'a.gif' });
    expect(checkFiles([file('big.png', 'image/png', 5 * 1024 * 1024 + 1)])).toEqual({ key: 'rooms.post.file_too_large', name: 'big.png' });
    expect(checkFiles([1, 2, 3, 4].map((i) => file(`${i}.png`, 'image/png')))).toEqual({ key: 'rooms.post.too_many_files' });
  });
});

describe('the request form', () => {
  it('puts the API’s field errors (roomCreation.…, attachments.n.…) on its own fields', async () => {
    const { formErrorsOf } = await import('../../admin/rooms/RoomRequestForm.js');
    const error = Object.assign(new Error('入力内容に誤りがあります。'), {
      body: {
        fields: [
          { field: 'roomCreation.patient.birthDate', code: 'WAREKI_DATE', message: '日付は…' },
          { field: 'roomCreation.members.1.userId', code: 'NOT_COVERED', message: '同意書の対象事業所ではありません。' },
          { field: 'attachments.0.contentType', code: 'FILE_TYPE', message: 'PDF・JPEG・PNG のファイルのみ添付できます。' },
        ],
      },
    });
    expect(formErrorsOf(error)).toEqual({
      root: { serverError: '入力内容に誤りがあります。' },
      patient: { birthDate: '日付は…' },
      members: { 1: { userId: '同意書の対象事業所ではありません。' } },
      attachments: 'PDF・JPEG・PNG のファイルのみ添付できます。',
    });
  });
});
