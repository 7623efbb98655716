// The consents register (同意書の一覧): one statement for the page and its total, scoped by the
// consent policy (on the consent's own municipality_id, so that one index holds the scope and the
// order), and every row's patient on the access log (the list names patients).
import { AreaService } from '../common/area-service.js';
import { authorize } from '../authz/policy.js';
import { SortOrder } from '../common/list.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../common/paging.js';
import { containsPattern } from '../common/search.js';
import { pageClause, sqlRows } from '../db/rows.js';
import { consentPolicy } from './consent.policy.js';
import { ConsentSortField, type ConsentListArgs, type ConsentRecord } from './consent-record.types.js';

/**
 * Each order with its tie-breaks, every key in the one direction, so that one index gives it
 * (tests/api/sort-indexes.test.ts): consent (municipality_id, consent_date, id); for the withdrawal
 * date two, as the not-withdrawn (null) come last either way; the patient's reading through patient
 * (municipality_id, name_kana, id), then its consents (one per room creation) by id.
 */
const orderBy = (field: ConsentSortField | undefined, dir: 'asc' | 'desc'): string => {
  switch (field) {
    case ConsentSortField.withdrawnAt:
      return `c.withdrawn_at ${dir} nulls last, c.id ${dir}`;
    case ConsentSortField.patientNameKana:
      return `p.name_kana ${dir}, p.id ${dir}, c.id ${dir}`;
    default:
      return `c.consent_date ${dir}, c.id ${dir}`;
  }
};

interface Row extends Omit<ConsentRecord, 'withdrawnAt'> {
  withdrawnAt: Date | string | null;
  total: string | number;
}

export class ConsentRegisterService extends AreaService {
  async list({ filter, sort, page }: ConsentListArgs): Promise<{ items: ConsentRecord[]; total: number }> {
    authorize(consentPolicy.readRegister(this.viewer));
    const where = ['c.municipality_id = ?'];
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
    const joins = 'consent c join room r on r.consent_id = c.id join patient p on p.id = c.patient_id';
    const scope = `from ${joins} where ${where.join(' and ')}`;
    const [paged, pageParams] = pageClause(perPage, offset);
    // the page reads its own rows in index order and stops; the total is a count over the same scope
    const rows = await sqlRows<Row>(
      this.em,
      `select c.id, r.id as "roomId", r.name as "roomName", r.status as "roomStatus", p.id as "patientId",
              p.name as "patientName", p.name_kana as "patientNameKana", to_char(c.consent_date, 'YYYY-MM-DD') as "consentDate",
              c.signer, c.proxy_name as "proxyName", c.proxy_relationship as "proxyRelationship",
              o.name as "explainingOfficeName", c.explaining_person_name as "explainingPersonName",
              coalesce((select array_agg(co.name order by co.name_kana) from office co where co.id = any(c.covered_office_ids::uuid[])), '{}') as "coveredOfficeNames",
              c.withdrawn_at as "withdrawnAt", c.withdrawal_note as "withdrawalNote", c.form_attachment_id as "formAttachmentId",
              (select count(*)::int ${scope}) as total
         from ${joins} join office o on o.id = c.explaining_office_id
        where ${where.join(' and ')}
        order by ${orderBy(sort?.field, sort?.order === SortOrder.ASC ? 'asc' : 'desc')}
        ${paged}`,
      [...params, ...params, ...pageParams],
    );
    // the register names patients: each row's patient goes on the access log (one INSERT for the page)
    for (const r of rows) {
      void this.ctx.audit.logRead({ action: 'consent.list', target: { type: 'Consent', id: r.id }, patientId: r.patientId, roomId: r.roomId, municipalityId: this.viewer.municipalityId });
    }
    const total = rows.length ? Number(rows[0].total) : offset > 0 ? await this.count(scope, params) : 0;
    return { items: rows.map(({ total: _t, withdrawnAt, ...r }) => ({ ...r, withdrawnAt: withdrawnAt ? new Date(withdrawnAt) : null })), total };
  }

  /** The total when the page asked for is past the end (no row to carry it). */
  private async count(scope: string, params: unknown[]): Promise<number> {
    const [row] = await sqlRows<{ n: number }>(this.em, `select count(*)::int as n ${scope}`, params);
    return row.n;
  }
}
