// A cadre's yearly dossier volume (M-08 “can be printed as a yearly volume”) as .docx, laid out after GB/T 9704
// 党政机关公文格式: A4, margins 37/35/28/26 mm, red issuing-body line and 发文字号 above a red rule, a centred 小标宋
// title, body in 3号仿宋 (16 pt), level-1 headings in 黑体. Fonts fall back where a machine lacks them.
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const MM = 56.7; // twips per millimetre
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const SIZE_3 = 32; // 3号 = 16 pt, in half-points
const SIZE_2 = 44; // 2号 = 22 pt

export interface DossierVolume {
  issuer: string; docNumber: string; title: string; generatedAt: string;
  basics: Array<[string, string]>;
  posts: string[]; team: string[]; relatives: string[]; events: string[]; flags: string[];
  archiveSections: string[];
}

const body = (text: string, opts: { indent?: boolean } = {}) => new Paragraph({
  spacing: { line: 560, lineRule: 'exact' as never }, // 28 pt fixed line spacing, as 公文 are set
  indent: opts.indent === false ? undefined : { firstLine: 2 * 16 * 20 },
  children: [new TextRun({ text, font: FANGSONG, size: SIZE_3 })],
});
const heading = (text: string) => new Paragraph({ spacing: { line: 560, lineRule: 'exact' as never }, indent: { firstLine: 640 },
  children: [new TextRun({ text, font: HEITI, size: SIZE_3 })] });
const list = (items: string[], none = '无。') => (items.length ? items.map((i) => body(i)) : [body(none)]);

function basicsTable(rows: Array<[string, string]>): Table {
  const cell = (text: string, bold = false) => new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: FANGSONG, size: 28, bold })] })] });
  const pairs: Array<Array<[string, string]>> = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push(rows.slice(i, i + 2));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE },
    rows: pairs.map((p) => new TableRow({ children: p.flatMap(([k, v]) => [cell(k, true), cell(v)]).concat(p.length < 2 ? [cell(''), cell('')] : []) })) });
}

export async function dossierDocx(v: DossierVolume): Promise<Buffer> {
  const doc = new Document({
    creator: '明鉴 Mingjian', title: v.title,
    sections: [{
      properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FANGSONG, size: 28 })] })] }) },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: v.issuer, font: XIAOBIAOSONG, size: 60, color: 'C00000' })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } },
          children: [new TextRun({ text: v.docNumber, font: FANGSONG, size: SIZE_3 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 }, children: [new TextRun({ text: v.title, font: XIAOBIAOSONG, size: SIZE_2 })] }),
        heading('一、基本情况'), basicsTable(v.basics),
        heading(`二、任职情况（截至${v.generatedAt}）`), ...list(v.posts),
        heading('三、领导班子分工'), ...list(v.team, '未进入领导班子。'),
        heading('四、家庭成员'), ...list(v.relatives, '未登记。'),
        heading('五、本年度档案记录'), ...list(v.events, '本年度无记录。'),
        heading(`六、监督提示（截至${v.generatedAt}）`), ...list(v.flags, '无预警提示。'),
        heading('七、廉政档案分项'), ...v.archiveSections.map((s) => body(`${s}：无记录。`)),
        new Paragraph({ spacing: { before: 480 }, alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `生成时间：${v.generatedAt}`, font: FANGSONG, size: SIZE_3 })] }),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
