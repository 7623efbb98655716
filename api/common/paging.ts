// Page sizes of every list (api/common/list.ts): one definition for the server's PageInput and
// the panel's data providers (admin/graphql/buildQuery.ts, admin/applications/dataProvider.ts),
// which import this file. No imports: it must bundle into the panel.

/** The largest page the API serves: react-admin's CSV export asks for up to 1000 rows at once. */
export const MAX_PER_PAGE = 1000;

/** The page size when a list is asked for without one (react-admin's default too). */
export const DEFAULT_PER_PAGE = 25;
