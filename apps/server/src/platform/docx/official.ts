// Official documents as .docx, laid out after GB/T 9704 党政机关公文格式: A4, margins 37/35/28/26 mm, the issuing
// body in red and the 发文字号 above a red rule, a centred 小标宋 title, body in 3号仿宋 (16 pt) on a fixed 28 pt line,
// level-1 headings in 黑体, page numbers “— N —”. Fonts fall back where a machine lacks them. Used by the dossier
// volume (M-08) and the letter of inquiry (M-15).
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';

const MM = 56.7; // twips per millimetre
export const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const SIZE_3 = 32; // 3号 = 16 pt, in half-points
const SIZE_2 = 44; // 2号 = 22 pt
const LINE = { line: 560, lineRule: 'exact' as never }; // 28 pt fixed line spacing, as 公文 are set

export const body = (text: string, opts: { indent?: boolean; align?: 'right' } = {}) =>
  new Paragraph({
    spacing: LINE,
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : undefined,
    indent: opts.indent === false || opts.align ? undefined : { firstLine: 2 * 16 * 20 },
    children: [new TextRun({ text, font: FANGSONG, size: SIZE_3 })],
  });
export const heading = (text: string) =>
  new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: HEITI, size: SIZE_3 })],
  });
export const list = (items: string[], none = '无。') => (items.length ? items.map((i) => body(i)) : [body(none)]);

export interface OfficialDoc {
  issuer: string;
  docNumber: string;
  title: string;
  children: Array<Paragraph | Table>;
}

export async function officialDocx(d: OfficialDoc): Promise<Buffer> {
  const doc = new Document({
    creator: '明鉴 Mingjian',
    title: d.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FANGSONG, size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: d.issuer, font: XIAOBIAOSONG, size: 60, color: 'C00000' })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } },
            children: [new TextRun({ text: d.docNumber, font: FANGSONG, size: SIZE_3 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 480, after: 480 },
            children: [new TextRun({ text: d.title, font: XIAOBIAOSONG, size: SIZE_2 })],
          }),
          ...d.children,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
