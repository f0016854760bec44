// The letter of inquiry (M-15) as an official .docx (GB/T 9704 layout from platform/docx): the red issuing body and
// letter number, the addressee, the deadline in working days, the questions, the duty to answer truthfully, and the
// copy to the cadre's party committee. It quotes no report and names no reporter.
import { body, heading, officialDocx } from '../../platform/docx/index.js';

export interface LetterDoc {
  issuerOrg: string;
  number: string;
  cadreName: string;
  signerName: string | null;
  copyTo: string | null;
  questions: string;
  issuedOn: string;
  dueOn: string;
  workingDays: number;
}

/** How a party committee is named on a letter: 中共明湖区委, 中共示例市委; a street's 党工委; otherwise 中共…委员会. */
export function committeeName(unit: string): string {
  if (/[省市区县]$/.test(unit)) return `中共${unit}委`;
  if (/街道$/.test(unit)) return `中共${unit}工作委员会`;
  return `中共${unit}委员会`;
}

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function letterDocx(l: LetterDoc): Promise<Buffer> {
  const issuer = `${l.issuerOrg}纪委监委`;
  const questions = l.questions
    .split(/\r?\n/)
    .map((q) => q.trim())
    .filter(Boolean);
  return officialDocx({
    issuer,
    docNumber: l.number,
    title: `关于${l.cadreName}同志有关问题的函询通知`,
    children: [
      body(`${l.cadreName}同志：`, { indent: false }),
      body(
        `根据有关规定，现就反映你的有关问题向你函询。请你对下列问题如实作出书面说明，经${l.signerName ? `${l.signerName}同志` : '主要负责人'}签署意见后，` +
          `于${cnDate(l.dueOn)}前（${l.workingDays}个工作日内）通过明鉴平台报送${issuer}。`,
      ),
      heading('函询问题'),
      ...questions.map((q, i) => body(/^[（(]?\d|^[一二三四五六七八九十]+、/.test(q) ? q : `${i + 1}. ${q}`)),
      body('对函询问题应当实事求是、如实说明，不得隐瞒、编造；说明不实的，将依规依纪严肃处理。'),
      body(issuer, { align: 'right' }),
      body(cnDate(l.issuedOn), { align: 'right' }),
      ...(l.copyTo ? [body(`抄送：${committeeName(l.copyTo)}`, { indent: false })] : []),
    ],
  });
}
