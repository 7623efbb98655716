// The consents register (同意書の一覧): one statement for the page and its total, scoped by the
// consent policy, and every row's patient on the access log (the list names patients).
import { AreaService } from '../common/area-service.js';
import { authorize } from '../authz/policy.js';
import { SortOrder } from '../common/list.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../common/paging.js';
import { containsPattern } from '../common/search.js';
import { consentPolicy } from './consent.policy.js';
import { ConsentSortField, type ConsentListArgs, type ConsentRecord } from './consent-record.types.js';

const sortColumns: Record<ConsentSortField, string> = {
  [ConsentSortField.consentDate]: 'c.consent_date',
  [ConsentSortField.patientNameKana]: 'p.name_kana',
  [ConsentSortField.withdrawnAt]: 'c.withdrawn_at',
};

interface Row extends Omit<ConsentRecord, 'withdrawnAt'> {
  withdrawnAt: Date | string | null;
  total: string | number;
}

export class ConsentRegisterService extends AreaService {
  async list({ filter, sort, page }: ConsentListArgs): Promise<{ items: ConsentRecord[]; total: number }> {
    authorize(consentPolicy.readRegister(this.viewer));
    const where = ['p.municipality_id = ?'];
    const params: unknown[] = [consentPolicy.municipalityOf(this.viewer)];
    if (filter?.q?.trim()) {
      where.push(`(p.name || ' ' || p.name_kana) ilike ?`);
      params.push(containsPattern(filter.q));
    }
    if (filter?.withdrawn === true) where.push('c.withdrawn_at is not null');
    if (filter?.withdrawn === false) where.push('c.withdrawn_at is null');
    if (filter?.explainingOfficeId) {
      where.push('c.explaining_office_id = ?');
      params.push(filter.explainingOfficeId);
    }
    if (filter?.roomId) {
      where.push('r.id = ?');
      params.push(filter.roomId);
    }
    if (filter?.consentDateFrom) {
      where.push('c.consent_date >= ?');
      params.push(filter.consentDateFrom);
    }
    if (filter?.consentDateTo) {
      where.push('c.consent_date <= ?');
      params.push(filter.consentDateTo);
    }

    const perPage = Math.min(page?.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const offset = (Math.max(1, page?.page ?? 1) - 1) * perPage;
    const column = sortColumns[sort?.field ?? ConsentSortField.consentDate] ?? sortColumns.consentDate;
    const order = sort?.order === SortOrder.ASC ? 'asc' : 'desc';
    const rows: Row[] = await this.em.getConnection().execute(
      `select c.id, r.id as "roomId", r.name as "roomName", r.status as "roomStatus", p.id as "patientId",
              p.name as "patientName", p.name_kana as "patientNameKana", to_char(c.consent_date, 'YYYY-MM-DD') as "consentDate",
              c.signer, c.proxy_name as "proxyName", c.proxy_relationship as "proxyRelationship",
              o.name as "explainingOfficeName", c.explaining_person_name as "explainingPersonName",
              coalesce((select array_agg(co.name order by co.name_kana) from office co where co.id = any(c.covered_office_ids::uuid[])), '{}') as "coveredOfficeNames",
              c.withdrawn_at as "withdrawnAt", c.withdrawal_note as "withdrawalNote", c.form_attachment_id as "formAttachmentId",
              count(*) over () as total
         from consent c
         join room r on r.consent_id = c.id
         join patient p on p.id = c.patient_id
         join office o on o.id = c.explaining_office_id
        where ${where.join(' and ')}
        order by ${column} ${order} nulls last, c.id
        limit ${perPage} offset ${offset}`,
      params,
    );
    // the register names patients: each row's patient goes on the access log (one INSERT for the page)
    for (const r of rows) {
      void this.ctx.audit.logRead({ action: 'consent.list', target: { type: 'Consent', id: r.id }, patientId: r.patientId, roomId: r.roomId, municipalityId: this.viewer.municipalityId });
    }
    const total = rows.length ? Number(rows[0].total) : offset > 0 ? await this.count(where, params) : 0;
    return { items: rows.map(({ total: _t, withdrawnAt, ...r }) => ({ ...r, withdrawnAt: withdrawnAt ? new Date(withdrawnAt) : null })), total };
  }

  /** The total when the page asked for is past the end (no row to carry count(*) over ()). */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.em
      .getConnection()
      .execute(`select count(*)::int as n from consent c join room r on r.consent_id = c.id join patient p on p.id = c.patient_id where ${where.join(' and ')}`, params);
    return row.n;
  }
}
