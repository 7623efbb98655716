// The layout's own texts (top bar, home page's next steps), merged into ja.ts / en.ts as `layout`.
export const layoutJa = {
  language: '表示言語',
  next: {
    title: '次にすること',
    nothing: 'いま対応が必要なことはありません。',
    // OFFICE: rooms
    no_room: 'まだ参加している患者さんの部屋はありません。',
    no_room_how:
      '部屋には、市町村の招待で参加します。担当する患者さんの部屋を新しく作るときは、ケアマネジャー（居宅介護支援事業所）などの事業所が市町村へ「部屋作成の申請」（様式6・同意書 様式5）を出し、参加者にあなたを加えます。すでにある部屋に加わるときは、その部屋の参加者が「招待依頼」を出します。市町村が招待すると、この画面と「参加中の部屋」に表示されます。',
    no_room_ask: 'あなたが申請する場合は、患者さんの同意書（様式5）を用意して、部屋作成を申請してください。',
    unread: '未読の投稿が %{smart_count} 件あります。まず「%{room}」から確認しましょう。',
    read_all: '新しい投稿はありません。訪問したら、部屋の「連絡帳・ケアレポート」に記録を残しましょう。',
    open_room: '部屋を開く',
    request_room: '部屋作成を申請する',
    // OFFICE: applications
    returned: '差し戻された申請が %{smart_count} 件あります。市町村のコメントを読み、直して再提出してください。',
    open_returned: '差し戻された申請を開く',
    in_review: '市町村で審査中の申請が %{smart_count} 件あります。結果はメールと申請一覧でお知らせします。',
    admin_file: '事業所の管理担当者として、次のときに申請を出します。',
    admin_staff: '職員が加わるとき：職員の追加申請（本人の誓約書 様式4-1 とともに）',
    admin_stop: '職員が辞める・休むとき：職員名簿で職員を選び、ID停止を申請（様式3）',
    admin_room: '新しい患者さんの情報共有を始めるとき：部屋作成の申請（様式6・様式5）',
    file_staff: '職員の追加を申請する',
    open_roster: '職員名簿を開く',
    // CITY
    city_review: '審査を待っている申請が %{smart_count} 件あります。内容を確認し、承認（システム管理者へ回付）・差し戻し・却下を決めてください。',
    city_rooms: 'そのうち部屋作成の申請が %{smart_count} 件あります。申請から部屋を作成し、参加者と閲覧権限を設定してください。',
    city_closing: '終了依頼の出ている部屋が %{smart_count} 件あります。依頼の投稿を確認して部屋を終了してください。',
    city_forwarded: 'システム管理者の登録を待っている申請が %{smart_count} 件あります。登録されると、ID通知書を事業所へ渡します。',
    open_review: '審査待ちの申請を開く',
    open_rooms: '部屋一覧を開く',
    // VENDOR
    vendor_forwarded: '市町村から回付された申請が %{smart_count} 件あります。事業所とアカウントを登録し、申請を完了にしてください。',
    vendor_none: '市町村から回付された申請はありません。新しい申請は市町村の承認後にここへ届きます。',
    open_forwarded: '回付された申請を開く',
  },
};

export const layoutEn: typeof layoutJa = {
  language: 'Language',
  next: {
    title: 'What to do next',
    nothing: 'Nothing needs your attention right now.',
    no_room: 'You are not a member of any patient room yet.',
    no_room_how:
      'You join a room when the city invites you. When a room is started for a patient you care for, an office (usually the care manager) files a room request with the city (form 6 with the consent, form 5) and lists you as a member. To join an existing room, one of its members files a join request. Once the city has invited you, the room appears here and under "My rooms".',
    no_room_ask: 'To file the request yourself, have the patient’s signed consent (form 5) at hand and request a room.',
    unread: 'There are %{smart_count} unread posts. Start with "%{room}".',
    read_all: 'No new posts. After a visit, record it in the room’s notes and care reports.',
    open_room: 'Open the room',
    request_room: 'Request a room',
    returned: '%{smart_count} of your applications were returned. Read the city’s comment, correct them and resubmit.',
    open_returned: 'Open returned applications',
    in_review: '%{smart_count} of your applications are being reviewed by the city. You will be told by e-mail and in the applications list.',
    admin_file: 'As your office’s administrator, you file these applications:',
    admin_staff: 'Someone joins the office: a staff addition (with their signed pledge, form 4-1)',
    admin_stop: 'Someone leaves or pauses: pick them in the staff roster and request an ID stop (form 3)',
    admin_room: 'Information sharing starts for a new patient: a room request (forms 6 and 5)',
    file_staff: 'Request a staff addition',
    open_roster: 'Open the staff roster',
    city_review: '%{smart_count} applications wait for your review. Check them and approve (forward to the operator), return or reject.',
    city_rooms: '%{smart_count} of them are room requests: create the room from the request and set its members and permissions.',
    city_closing: '%{smart_count} rooms have a closing request. Check the request post and close the room.',
    city_forwarded: '%{smart_count} applications wait for the operator to register them. Then hand the ID letters to the office.',
    open_review: 'Open applications to review',
    open_rooms: 'Open the rooms',
    vendor_forwarded: '%{smart_count} applications were forwarded by a city. Register the office and accounts, then complete the application.',
    vendor_none: 'No forwarded applications. New ones arrive here once a city approves them.',
    open_forwarded: 'Open forwarded applications',
  },
};
