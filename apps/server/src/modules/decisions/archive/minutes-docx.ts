// The 会议纪要 of a sealed meeting as a .docx in the official layout (platform/docx), written from the sealed record;
// names are read at export time (the record itself holds ids only). A reader's copy: the archive's verifier checks it
// against the signed manifest, the record against the seal.
import type { AppContext } from '../../../platform/context.js';
import { body, heading, officialDocx } from '../../../platform/docx/index.js';
import { ITEM_CATEGORIES, MEETING_KINDS } from '../meeting.dicts.js';
import type { sealRecord } from '../seal-record.js';

type SealedRecord = Awaited<ReturnType<typeof sealRecord>>;
const OPINION = { agree: '同意', disagree: '不同意', reserve: '保留' } as const;
const VOTE = { agree: '同意', disagree: '不同意', defer: '缓议' } as const;
const RESULT = { passed: '通过', rejected: '未通过', deferred: '缓议' } as const;
const STATUS = { decided: '会议作出决定。', deferred: '因意见分歧较大，暂缓表决。', open: '' } as const;
const NUM = '一二三四五六七八九十';

export async function minutesDocx(ctx: AppContext, r: SealedRecord): Promise<Buffer> {
  const ids = [
    r.meeting.chair_cadre_id,
    ...r.members.map((m) => m.cadre_id),
    ...r.items.map((i) => i.proposer_cadre_id),
  ];
  const [org, people] = await Promise.all([
    ctx.db.selectFrom('orgs').select('name').where('id', '=', r.meeting.org_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('cadres').select(['id', 'name']).where('id', 'in', ids).execute(),
  ]);
  const who = (id: number) => people.find((p) => p.id === id)?.name ?? `#${id}`;
  const kind = MEETING_KINDS[r.meeting.kind as keyof typeof MEETING_KINDS][0];
  const present = r.members.filter((m) => m.attended);
  const absent = r.members.filter((m) => m.attended === false);
  const children = [
    body(`时间：${r.meeting.held_on}　地点：${r.meeting.place}`),
    body(`主持：${who(r.meeting.chair_cadre_id)}　记录：${r.meeting.recorder}`),
    body(
      `应到会 ${r.members.length} 人，实到 ${present.length} 人：${present.map((m) => who(m.cadre_id)).join('、')}。`,
    ),
    ...(absent.length
      ? [body(`缺席：${absent.map((m) => `${who(m.cadre_id)}（${m.absence_reason}）`).join('、')}。`)]
      : []),
    ...(r.guests.length ? [body(`列席：${r.guests.map((g) => `${g.name}（${g.capacity}）`).join('、')}。`)] : []),
    ...r.items.flatMap((i, n) => [
      heading(`${NUM[n] ?? n + 1}、${i.title}（${ITEM_CATEGORIES[i.category as keyof typeof ITEM_CATEGORIES][0]}）`),
      body(`初始动议人：${who(i.proposer_cadre_id)}${i.proposer_deemed ? '（未记录动议人，主持人视为动议人）' : ''}。`),
      ...i.recusals.map((x) => body(`${who(x.cadre_id)}回避。`)),
      ...i.opinions.map((o, k) =>
        body(
          `（${k + 1}）${who(o.cadre_id)}：${OPINION[o.opinion as keyof typeof OPINION]}${o.deemed ? '（未表态，视为同意）' : ''}${o.reason ? `，理由：${o.reason}` : ''}。`,
        ),
      ),
      ...i.candidates.map((c) => {
        const n3 = (v: string) => c.votes.filter((x) => x.vote === v).length;
        return body(
          `拟任人选 ${c.name}（${c.post}）：${Object.entries(VOTE)
            .map(([v, l]) => `${l} ${n3(v)} 票`)
            .join('，')}，${c.result ? RESULT[c.result as keyof typeof RESULT] : '未表决'}。`,
        );
      }),
      body(`${STATUS[i.status as keyof typeof STATUS]}${i.urgent_reason ? `紧急理由：${i.urgent_reason}。` : ''}`),
    ]),
  ];
  return officialDocx({
    issuer: org.name,
    docNumber: `${r.meeting.held_on} ${kind}`,
    title: `${kind}会议纪要`,
    children,
  });
}
