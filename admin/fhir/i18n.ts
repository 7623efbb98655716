// FHIR一括出力 screen's words, Japanese first.
export const fhirJa = {
  fhir: {
    title: 'FHIR一括出力',
    help: '市町村のすべての部屋を FHIR R4 (JP Core) の NDJSON ファイルとして出力します (リソースの種類ごとに1ファイル)。出力した患者は1人ずつ監査ログに記録されます。',
    start: '出力を開始',
    started: '出力を開始しました',
    empty: 'まだ出力していません。',
    col: { progress: '進捗 (部屋)' },
    status: { QUEUED: '待機中', RUNNING: '出力中', DONE: '完了', FAILED: '失敗' },
  },
};

export const fhirEn: typeof fhirJa = {
  fhir: {
    title: 'FHIR bulk export',
    help: 'Exports every room of the municipality as FHIR R4 (JP Core) NDJSON files, one per resource type. Each patient exported is recorded on the audit trail.',
    start: 'Start an export',
    started: 'Export started',
    empty: 'No export yet.',
    col: { progress: 'Progress (rooms)' },
    status: { QUEUED: 'Queued', RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed' },
  },
};
