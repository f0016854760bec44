// A cadre's yearly dossier volume (M-08 “can be printed as a yearly volume”) as .docx, in the official layout of
// platform/docx (GB/T 9704).
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { body, FANGSONG, heading, list, officialDocx } from '../../../platform/docx/index.js';

export interface DossierVolume {
  issuer: string;
  docNumber: string;
  title: string;
  generatedAt: string;
  basics: Array<[string, string]>;
  posts: string[];
  team: string[];
  relatives: string[];
  events: string[];
  flags: string[];
  archiveSections: Array<{ title: string; items: string[] }>;
}

function basicsTable(rows: Array<[string, string]>): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({
      width: { size: 25, type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text, font: FANGSONG, size: 28, bold })],
        }),
      ],
    });
  const pairs: Array<Array<[string, string]>> = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push(rows.slice(i, i + 2));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: pairs.map(
      (p) =>
        new TableRow({
          children: p.flatMap(([k, v]) => [cell(k, true), cell(v)]).concat(p.length < 2 ? [cell(''), cell('')] : []),
        }),
    ),
  });
}

export async function dossierDocx(v: DossierVolume): Promise<Buffer> {
  return officialDocx({
    issuer: v.issuer,
    docNumber: v.docNumber,
    title: v.title,
    children: [
      heading('一、基本情况'),
      basicsTable(v.basics),
      heading(`二、任职情况（截至${v.generatedAt}）`),
      ...list(v.posts),
      heading('三、领导班子分工'),
      ...list(v.team, '未进入领导班子。'),
      heading('四、家庭成员'),
      ...list(v.relatives, '未登记。'),
      heading('五、本年度档案记录'),
      ...list(v.events, '本年度无记录。'),
      heading(`六、监督提示（截至${v.generatedAt}）`),
      ...list(v.flags, '无预警提示。'),
      heading('七、廉政档案分项'),
      ...v.archiveSections.flatMap((s) =>
        s.items.length ? [body(`${s.title}：`), ...s.items.map((i) => body(i))] : [body(`${s.title}：无记录。`)],
      ),
      new Paragraph({
        spacing: { before: 480 },
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: `生成时间：${v.generatedAt}`, font: FANGSONG, size: 32 })],
      }),
    ],
  });
}
