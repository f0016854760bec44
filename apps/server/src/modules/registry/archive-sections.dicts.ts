// The archive sections of M-08 (廉政档案 / 政治素质档案, `000`, `003`). Each is returned and printed even when
// empty: an empty section is a fact a reviewer needs to see. Modules fill them through the timeline events below.
export const ARCHIVE_SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['婚姻状况', 'Marriage'],
  ['因私出国（境）证件及出入境', 'Passports and travel abroad'],
  [
    '配偶子女从业、经商、移居国（境）外及受刑事追究情况',
    'Spouse and children: jobs, businesses, emigration, criminal liability',
  ],
  ['工资及各类奖金、津贴、补贴', 'Income'],
  ['房产', 'Housing'],
  ['股票、基金、投资型保险', 'Stocks, funds, investment insurance'],
  ['境外存款和投资', 'Overseas deposits and investments'],
  ['上交礼品礼金', 'Gifts handed in'],
  ['操办婚丧喜庆事宜', 'Banquets held (婚丧喜庆)'],
  ['兼职情况', 'Part-time posts'],
  ['借贷和担保', 'Loans and guarantees'],
  ['谈话记录', 'Talks'],
  ['函询情况', 'Letters of inquiry'],
  ['信访举报', 'Reports against the cadre'],
  ['处分情况', 'Sanctions'],
  ['问责情况', 'Accountability'],
  ['述责述廉', 'Duty and integrity reports'],
  ['党风廉政建设责任书', 'Responsibility letters'],
];

export interface ArchiveSection {
  titleZh: string;
  titleEn: string;
  items: Array<{ occurredOn: string; summary: string }>;
}

/** Dossier timeline events that file themselves under a section as they happen (“动态更新”). */
export const SECTION_OF_EVENT: Record<string, string> = {
  'reports.letter': '函询情况',
  'reports.outcome': '处分情况',
  'reports.cleared': '信访举报',
  'talks.talk': '谈话记录',
  'talks.hearing': '述责述廉',
  'talks.secretary_reminder': '谈话记录',
  'talks.non_report': '问责情况',
};

/** The sections for one cadre, each with its events (oldest first); an empty one stays and says so. */
export const archiveSections = (
  events: Array<{ eventType: string; occurredOn: string; summary: string }> = [],
): ArchiveSection[] =>
  ARCHIVE_SECTIONS.map(([titleZh, titleEn]) => ({
    titleZh,
    titleEn,
    items: events
      .filter((e) => SECTION_OF_EVENT[e.eventType] === titleZh)
      .map((e) => ({ occurredOn: e.occurredOn, summary: e.summary })),
  }));
