// The printable forms' texts (印刷用PDF), Japanese first.
export const formsJa = {
  app: {
    forms: {
      title: '印刷用の書類 (PDF)',
      help: 'この申請の内容を記入済みの様式です。印刷して署名・押印し、スキャンしてこの申請の添付書類として追加してください。',
      print: '印刷用PDF',
      attach: '署名・押印したスキャンを添付',
      attached: 'スキャンを %{smart_count} 件添付しました',
      consent: '様式5 情報共有同意書',
      roomRequest: '様式6 部屋作成依頼書',
      idStop: '様式3 ID停止依頼書',
      registration: '様式1-2 / 2-2B / 2-2C 利用登録依頼書・様式4-1 誓約書',
    },
  },
};

export const formsEn: typeof formsJa = {
  app: {
    forms: {
      title: 'Printable forms (PDF)',
      help: 'The paper forms, filled in from this application. Print, sign or seal, scan, and add the scan to this application as an attachment.',
      print: 'Printable PDF',
      attach: 'Attach the signed scans',
      attached: '%{smart_count} scan attached |||| %{smart_count} scans attached',
      consent: 'Form 5: consent to information sharing',
      roomRequest: 'Form 6: room request',
      idStop: 'Form 3: ID stop request',
      registration: 'Forms 1-2 / 2-2B / 2-2C: registration, with form 4-1: pledges',
    },
  },
};
