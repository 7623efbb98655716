// MUI TablePagination in the panel's language, for the tables that are not react-admin lists (the
// rooms page, the reports' tables by office): react-admin's own navigation messages.
type Translate = (key: string, options?: object) => string;

export const paginationLabels = (translate: Translate) => ({
  labelRowsPerPage: translate('ra.navigation.page_rows_per_page'),
  labelDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count }),
  getItemAriaLabel: (type: 'first' | 'last' | 'next' | 'previous') => translate(`ra.navigation.${type}`),
});
