// The candidates of an appointment item (M-32), voted one by one: each member's 同意 / 不同意 / 缓议 on each candidate,
// the principal's vote locked until the others have voted on that candidate, and the tally against 应到会成员 less
// the recused — a candidate passes with more than half of them, not of those present.
import { useState } from 'react';
import { Button, Select, Space, Table, Tag } from 'antd';
import type { MeetingDetail } from '@api';
import { useI18n } from '../../i18n';
import { CandidateForm } from './ItemActions';

type Item = MeetingDetail['items'][number];
type Candidate = Item['candidates'][number];

export function Candidates({
  item,
  open,
  nameOf,
  post,
}: {
  item: Item;
  open: boolean;
  nameOf(id: number): string;
  post(path: string, body: unknown, done: string): Promise<boolean>;
}) {
  const { t, lang } = useI18n();
  const [voting, setVoting] = useState<Record<number, number | undefined>>({});
  const voters = item.notYetSpoken.concat(item.opinions.map((o) => o.cadreId));
  return (
    <>
      <Table<Candidate>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={item.candidates}
        locale={{ emptyText: t('尚无拟任人选', 'No candidates yet') }}
        data-testid={`candidates-${item.seq}`}
        columns={[
          { title: t('拟任人选', 'Candidate'), dataIndex: 'name', width: 120 },
          { title: t('拟任职务', 'Post'), dataIndex: 'post' },
          {
            title: t('表决（同意/不同意/缓议）', 'Votes (for/against/defer)'),
            render: (_, c) =>
              `${c.tally.agree} / ${c.tally.disagree} / ${c.tally.defer}${t(`，须 ${c.tally.needed} 票（应到 ${c.tally.base} 人）`, `; ${c.tally.needed} of ${c.tally.base} needed`)}`,
          },
          {
            title: t('结果', 'Result'),
            width: 90,
            render: (_, c) =>
              c.resultLabel ? (
                <Tag color={c.result === 'passed' ? 'green' : 'orange'}>
                  {lang === 'en' ? c.resultLabel[1] : c.resultLabel[0]}
                </Tag>
              ) : (
                '—'
              ),
          },
          ...(open
            ? [
                {
                  title: t('逐人表决', 'Vote'),
                  width: 360,
                  render: (_: unknown, c: Candidate) => {
                    const left = voters.filter((v) => !c.voted.some((x) => x.cadreId === v));
                    const last = left.length > 1 ? item.principal?.cadreId : undefined;
                    return (
                      <Space size={4}>
                        <Select
                          size="small"
                          style={{ width: 160 }}
                          value={voting[c.id]}
                          placeholder={t('表决成员', 'Member')}
                          onChange={(v) => setVoting((o) => ({ ...o, [c.id]: v }))}
                          options={left.map((v) => ({ value: v, label: nameOf(v), disabled: v === last }))}
                          data-testid={`vote-member-${c.seq}`}
                        />
                        {(['agree', 'disagree', 'defer'] as const).map((v) => (
                          <Button
                            key={v}
                            size="small"
                            disabled={!voting[c.id]}
                            onClick={async () =>
                              (await post(
                                'votes',
                                { candidateId: c.id, cadreId: voting[c.id], vote: v },
                                t('已记录表决', 'Vote recorded'),
                              )) && setVoting((o) => ({ ...o, [c.id]: undefined }))
                            }
                            data-testid={`vote-${v}-${c.seq}`}
                          >
                            {
                              { agree: t('同意', 'For'), disagree: t('不同意', 'Against'), defer: t('缓议', 'Defer') }[
                                v
                              ]
                            }
                          </Button>
                        ))}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {open && item.opinions.length === 0 && (
        <CandidateForm onSave={(v) => post('candidates', v, t('已添加人选', 'Candidate added'))} />
      )}
    </>
  );
}
