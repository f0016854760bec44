// One meeting (issue 14 §1–§2, M-30 … M-32): who should attend and who came (an absence with its reason), the agenda
// items with their initial proposer (the chair marked as deemed proposer when none was recorded), the preparatory
// steps still missing, each item's quorum against the members who should attend, and under each item its record —
// opinions in speaking order, recusals, candidates and votes (ItemRecord).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import type { MeetingDetail } from '@api';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../components/useLoad';
import { NotFoundPage } from '../NotFoundPage';
import { ItemDialog } from './ItemDialog';
import { SealBar } from './SealBar';
import { ItemRecord, STATUS } from './ItemRecord';

type Member = MeetingDetail['members'][number];
type Item = MeetingDetail['items'][number];

export function MeetingPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const m = useLoad(() => get<MeetingDetail>(`/api/v1/meetings/${id}`), [id]);
  const [marks, setMarks] = useState<Record<number, { attended?: boolean; reason?: string }>>({});
  const [adding, setAdding] = useState(false);
  const [folded, setFolded] = useState<Set<number>>(new Set());
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  if (m.notFound) return <NotFoundPage />;
  if (!m.data) return <Card loading={m.loading}>{m.error ? errorText(m.error, lang) : null}</Card>;
  const d = m.data;
  const mark = (x: Member) => ({
    attended: marks[x.cadreId]?.attended ?? x.attended,
    reason: marks[x.cadreId]?.reason ?? x.absenceReason ?? '',
  });
  const saveAttendance = async () => {
    try {
      await api('PUT', `/api/v1/meetings/${d.id}/attendance`, {
        members: d.members
          .filter((x) => mark(x).attended != null)
          .map((x) => ({
            cadreId: x.cadreId,
            attended: mark(x).attended,
            ...(mark(x).attended ? {} : { absenceReason: mark(x).reason }),
          })),
      });
      message.success(t('已保存到会情况', 'Attendance saved'));
      setMarks({});
      m.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const writable = can('decisions.write') && !d.seal; // a sealed record never changes (M-35)
  const report = async (emergencyId: number) => {
    try {
      await api('POST', `/api/v1/emergency-decisions/${emergencyId}/report`, { meetingId: d.id });
      message.success(t('已记录通报', 'Report recorded'));
      m.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={`${d.orgName} · ${name(d.kindLabel)} · ${d.heldOn}`} data-testid="meeting">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('地点', 'Place')}>{d.place}</Descriptions.Item>
          <Descriptions.Item label={t('主持人', 'Chair')}>{d.chair.name}</Descriptions.Item>
          <Descriptions.Item label={t('记录人', 'Recorder')}>{d.recorder}</Descriptions.Item>
          <Descriptions.Item label={t('列席', 'Invited')}>
            {d.guests.map((g) => `${g.name}（${g.capacity}）`).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
        <SealBar meeting={d} writable={writable} canCorrect={can('decisions.write')} onChange={m.reload} />
      </Card>
      <Card
        title={t(
          `应到会成员 ${d.members.length} 人，实到 ${d.members.filter((x) => x.attended).length} 人`,
          `${d.members.length} members should attend; ${d.members.filter((x) => x.attended).length} present`,
        )}
        extra={
          writable && (
            <Button onClick={saveAttendance} data-testid="save-attendance">
              {t('保存到会情况', 'Save attendance')}
            </Button>
          )
        }
      >
        <Table<Member>
          rowKey="cadreId"
          size="small"
          pagination={false}
          dataSource={d.members}
          columns={[
            { title: t('成员', 'Member'), dataIndex: 'name' },
            {
              title: t('到会', 'Attendance'),
              render: (_, x) => (
                <Radio.Group
                  disabled={!writable}
                  value={mark(x).attended}
                  onChange={(e) =>
                    setMarks((old) => ({ ...old, [x.cadreId]: { ...old[x.cadreId], attended: e.target.value } }))
                  }
                  data-testid={`attend-${x.cadreId}`}
                >
                  <Radio value>{t('到会', 'Present')}</Radio>
                  <Radio value={false}>{t('缺席', 'Absent')}</Radio>
                </Radio.Group>
              ),
            },
            {
              title: t('缺席原因', 'Reason of absence'),
              render: (_, x) =>
                mark(x).attended === false ? (
                  <Input
                    disabled={!writable}
                    value={mark(x).reason}
                    placeholder={t('须写明原因', 'A reason is required')}
                    onChange={(e) =>
                      setMarks((old) => ({
                        ...old,
                        [x.cadreId]: { ...old[x.cadreId], attended: false, reason: e.target.value },
                      }))
                    }
                  />
                ) : null,
            },
          ]}
        />
      </Card>
      {d.emergencies.length > 0 && (
        <Card title={t('临时决策通报', 'Emergency decisions to report')} data-testid="meeting-emergencies">
          {d.emergencies.map((e) => (
            <Space key={e.id} style={{ display: 'flex', marginBottom: 8 }}>
              <Typography.Text>
                {e.decidedOn} {e.title}
              </Typography.Text>
              {e.reported ? (
                <Tag color="green">{t('已在本次会议通报', 'Reported at this meeting')}</Tag>
              ) : (
                <>
                  <Tag color="orange">{t('待通报', 'To report')}</Tag>
                  {writable && (
                    <Button size="small" onClick={() => report(e.id)} data-testid={`report-emergency-${e.id}`}>
                      {t('已在本次会议通报', 'Reported here')}
                    </Button>
                  )}
                </>
              )}
            </Space>
          ))}
        </Card>
      )}
      <Card
        title={t('议题', 'Agenda items')}
        extra={
          writable && (
            <Button onClick={() => setAdding(true)} data-testid="add-item">
              {t('添加议题', 'Add an item')}
            </Button>
          )
        }
      >
        <Table<Item>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.items}
          locale={{ emptyText: t('尚无议题', 'No items yet') }}
          expandable={{
            // Every item's record is open unless folded away, including items added after the page loaded.
            expandedRowKeys: d.items.filter((i) => !folded.has(i.id)).map((i) => i.id),
            onExpand: (open, i) =>
              setFolded((old) => {
                const next = new Set(old);
                if (open) next.delete(i.id);
                else next.add(i.id);
                return next;
              }),
            expandedRowRender: (i) => <ItemRecord meeting={d} item={i} writable={writable} onChange={m.reload} />,
          }}
          columns={[
            { title: t('序号', 'No.'), dataIndex: 'seq', width: 60 },
            { title: t('议题', 'Item'), dataIndex: 'title' },
            { title: t('类别', 'Category'), render: (_, i) => <Tag>{name(i.categoryLabel)}</Tag> },
            {
              title: t('状态', 'Status'),
              render: (_, i) => <Tag color={STATUS[i.status][2]}>{t(STATUS[i.status][0], STATUS[i.status][1])}</Tag>,
            },
            {
              title: t('初始动议人', 'Initial proposer'),
              render: (_, i) => (
                <Space size={4}>
                  {i.proposer.name}
                  {i.proposer.deemed && (
                    <Tag color="orange">
                      {t('未记录动议人，主持人视为动议人', 'None recorded: the chair is deemed')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('前期程序', 'Preparatory steps'),
              render: (_, i) =>
                i.prepMissing.length ? (
                  i.prepMissing.map((p) => (
                    <Tag color="red" key={p.code}>
                      {t(`缺${p.label[0]}`, `No ${p.label[1].toLowerCase()}`)}
                    </Tag>
                  ))
                ) : (
                  <Tag color="green">{t('已完成', 'Done')}</Tag>
                ),
            },
            {
              title: t('到会人数', 'Quorum'),
              render: (_, i) => (
                <Tag color={i.quorum.met ? 'green' : 'red'} data-testid={`quorum-${i.seq}`}>
                  {t(
                    `${i.quorum.met ? '达到' : '未达到'}法定人数：实到 ${i.quorum.present}/${i.quorum.expected}，须${i.quorum.rule === 'at_least' ? '不少于' : '达到'} ${i.quorum.required} 人`,
                    `${i.quorum.met ? 'Quorum' : 'No quorum'}: ${i.quorum.present}/${i.quorum.expected} present, ${i.quorum.required} needed`,
                  )}
                </Tag>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(
            '法定人数按应到会成员计算：三重一大议题须超过半数到会，干部任免议题须不少于三分之二。',
            'Quorum counts the members who should attend: more than half for major items, at least two thirds for appointments.',
          )}
        </Typography.Paragraph>
      </Card>
      {adding && (
        <ItemDialog
          meeting={d}
          onClose={(saved) => {
            setAdding(false);
            if (saved) m.reload();
          }}
        />
      )}
    </Space>
  );
}
