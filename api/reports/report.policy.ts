// Reports: who may read them and over which rows. Counts only, never patient data: CITY its
// municipality, VENDOR every municipality (account forms only among applications), an office
// admin its own office.
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities } from '../authz/policy.js';
import { ACCOUNT_TYPES } from '../applications/application.enums.js';

/** A SQL condition and its parameters. */
export type SqlScope = [string, unknown[]];

/** The tables a report reads, by the alias its query gives them (u app_user, o office, r room, a application, c post_month_count). */
export type ReportRows = 'user' | 'office' | 'room' | 'application' | 'activity';

export const reportPolicy = {
  read: anyOf(is.city, is.vendor, is.officeAdmin),

  /** Which rows of `kind` the viewer's reports count. */
  scope(viewer: Viewer, kind: ReportRows): SqlScope {
    if (is.vendor(viewer)) return kind === 'application' ? [`a.type in (${ACCOUNT_TYPES.map(() => '?').join(', ')})`, [...ACCOUNT_TYPES]] : ['true', []];
    if (is.city(viewer)) {
      const column = { user: 'u.municipality_id', office: 'o.municipality_id', room: 'r.municipality_id', application: 'a.municipality_id', activity: 'c.municipality_id' }[kind];
      return [`${column} = ?`, [viewer.municipalityId]];
    }
    const byOffice = {
      user: 'u.office_id = ?',
      office: 'o.id = ?',
      room: 'exists (select 1 from room_member rm join app_user mu on mu.id = rm.user_id where rm.room_id = r.id and mu.office_id = ?)',
      application: 'a.office_id = ?',
      activity: 'c.office_id = ?', // the authors' office
    }[kind];
    return [byOffice, [viewer.officeId]];
  },

  /**
   * Whole municipalities (CITY its own, VENDOR every one): the counts kept per municipality
   * (kept-counts.entity.ts) answer that scope, read with scope() under the same aliases. An office
   * admin's accounts, rooms and applications are counted from the rows themselves (the activity
   * counts are kept per office too, so every scope reads them).
   */
  byMunicipality: anyOf(is.city, is.vendor),

  /** Rooms per office: an office admin sees its own office's row, not those of the other members' offices. */
  officeRowScope(viewer: Viewer): SqlScope {
    return is.office(viewer) ? ['o.id = ?', [viewer.officeId]] : ['true', []];
  },
};

export const reportAbilities: PanelAbilities = {
  reports: { list: reportPolicy.read },
};
