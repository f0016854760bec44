// 结果查究 (issue 14 §6, M-36): the result reviews of decided projects and uses of funds — due a set number of days after
// the completion recorded on the meeting page, overdue after — each linked to its decision, its proposer and the
// members who agreed; 录入查究结果 for those who may record decisions. A negative review is a finding on the proposer.
import { useState } from 'react';
import { App, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Button } from 'antd';
import { Link } from 'react-router-dom';
import { DEFAULT_PAGE_SIZE, type Page, type ResultReviewRow } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';

const STATUS = {
  due: ['待查究', 'Due', 'blue'],
  overdue: ['逾期未查究', 'Overdue', 'red'],
  paused: ['已暂停', 'Paused', 'default'],
  done: ['已查究', 'Reviewed', 'green'],
  waived: ['已免除', 'Waived', 'default'],
} as const;
const QUALITY = { good: ['良好', 'Good'], acceptable: ['合格', 'Acceptable'], poor: ['不合格', 'Poor'] } as const;
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

export function ReviewsPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [orgId, setOrgId] = useState<number>();
  const [status, setStatus] = useState<keyof typeof STATUS>();
  const [page, setPage] = useState(1);
  const [entering, setEntering] = useState<ResultReviewRow>();
  const list = useLoad(
    () =>
      get<Page<ResultReviewRow>>(`/api/v1/result-reviews${qs({ orgId, status, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, status, page],
  );
  const name = (l: readonly [string, string, ...string[]]) => (lang === 'en' ? l[1] : l[0]);
  return (
    <Card title={t('决策结果查究', 'Result reviews of decisions')} data-testid="reviews">
      <Space style={{ marginBottom: 16 }}>
        <OrgPicker
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('状态', 'Status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['due', 'overdue', 'done'] as const).map((k) => ({ value: k, label: name(STATUS[k]) }))}
        />
      </Space>
      <Table<ResultReviewRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无结果查究', 'None') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        expandable={{
          rowExpandable: (r) => r.review != null,
          expandedRowRender: (r) =>
            r.review && (
              <Space direction="vertical">
                <span>
                  {t('查究单位', 'Reviewer')}：{r.review.reviewer}（
                  {r.review.reviewerKind === 'third_party' ? t('第三方', 'third party') : t('职能部门', 'department')}）
                  {t('，查究日期 ', ', on ')}
                  {r.review.reviewedOn}
                </span>
                <span>
                  {t('损失', 'Losses')} {yuan(r.review.lossesYuan)}；{t('承包方超额利润', "Contractor's excess profit")}{' '}
                  {yuan(r.review.excessProfitYuan)}；{t('节约', 'Savings')} {yuan(r.review.savingsYuan)}；
                  {t('质量', 'Quality')} {name(QUALITY[r.review.quality])}
                </span>
                <span>{r.review.summary}</span>
              </Space>
            ),
        }}
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          {
            title: t('决策事项', 'Decision'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/meetings/${r.meetingId}`}>{r.itemTitle}</Link>
                <span style={{ color: '#888' }}>
                  {r.heldOn} · {name(r.categoryLabel)}
                </span>
              </Space>
            ),
          },
          {
            title: t('提议人', 'Proposer'),
            render: (_, r) =>
              r.proposer.deemed
                ? t(`${r.proposer.name}（视为提议人）`, `${r.proposer.name} (deemed)`)
                : r.proposer.name,
          },
          {
            title: t('表示同意的成员', 'Members who agreed'),
            render: (_, r) => r.agreed.map((a) => a.name).join('、') || '—',
          },
          { title: t('完成日期', 'Completed'), dataIndex: 'completedOn', width: 110 },
          { title: t('查究期限', 'Due'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('结果', 'Result'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={STATUS[r.status][2]}>{name(STATUS[r.status])}</Tag>
                {r.review &&
                  (r.review.outcome === 'negative' ? (
                    <Tag color="red">{t('负面，追究提议人', 'Negative: the proposer answers')}</Tag>
                  ) : (
                    <Tag color="green">{t('正面', 'Positive')}</Tag>
                  ))}
                {!r.review && can('decisions.write') && (
                  <Button size="small" onClick={() => setEntering(r)} data-testid={`enter-review-${r.id}`}>
                    {t('录入查究结果', 'Enter the review')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {entering && (
        <ReviewDialog
          row={entering}
          onClose={(saved) => {
            setEntering(undefined);
            if (saved) list.reload();
          }}
        />
      )}
    </Card>
  );
}

function ReviewDialog({ row, onClose }: { row: ResultReviewRow; onClose(saved: boolean): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async (v: Record<string, unknown> & { reviewedOn: { format(f: string): string } }) => {
    setBusy(true);
    try {
      const r = await api<{ outcome: string }>('POST', `/api/v1/result-reviews/${row.id}/review`, {
        ...v,
        reviewedOn: v.reviewedOn.format('YYYY-MM-DD'),
      });
      if (r.outcome === 'negative')
        message.warning(t('已录入；负面结果已列为对提议人的问题线索', 'Entered; a finding on the proposer is open'));
      else message.success(t('已录入', 'Entered'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const money = (n: string, zh: string, en: string) => (
    <Form.Item name={n} label={t(zh, en)} rules={[{ required: true }]}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} addonAfter="元" />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t(`录入查究结果：${row.itemTitle}`, `Review: ${row.itemTitle}`)}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={save}
        initialValues={{
          reviewerKind: 'department',
          outcome: 'positive',
          quality: 'good',
          lossesYuan: 0,
          excessProfitYuan: 0,
          savingsYuan: 0,
        }}
        data-testid="review-form"
      >
        <Form.Item name="reviewedOn" label={t('查究日期', 'Reviewed on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reviewerKind" label={t('查究方式', 'By')}>
          <Radio.Group>
            <Radio value="department">{t('职能部门', 'The reviewing department')}</Radio>
            <Radio value="third_party">{t('第三方机构', 'A third party')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reviewer" label={t('查究单位', 'Reviewer')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        {money('lossesYuan', '造成损失', 'Losses')}
        {money('excessProfitYuan', '承包方超额利润', "Contractor's excess profit")}
        {money('savingsYuan', '节约资金', 'Savings')}
        <Form.Item name="quality" label={t('质量', 'Quality')}>
          <Radio.Group>
            {Object.entries(QUALITY).map(([k, l]) => (
              <Radio key={k} value={k}>
                {lang === 'en' ? l[1] : l[0]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="outcome" label={t('结论', 'Outcome')}>
          <Radio.Group>
            <Radio value="positive">{t('正面', 'Positive')}</Radio>
            <Radio value="negative">{t('负面（追究提议人责任）', 'Negative (the proposer answers for it)')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="summary" label={t('查究情况', 'Findings')} rules={[{ required: true, min: 2, max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
