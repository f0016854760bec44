// 大额支出会签 (issue 14 §7, M-37, `003` 篇4: 3000元以上的大额支出必须由领导班子会签): expenses of a unit, those at or above
// the set amount with who of the team has signed and who has not; each team member signs for themselves.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { DEFAULT_PAGE_SIZE, type ExpenseRow, type Page } from '@api';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { useLoad } from '../../components/useLoad';
import { SignDialog } from '../../components/SignDialog';

export function ExpensesPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [signing, setSigning] = useState<ExpenseRow>();
  const list = useLoad(
    () => get<Page<ExpenseRow>>(`/api/v1/expenses${qs({ orgId, page, pageSize: DEFAULT_PAGE_SIZE })}`),
    [orgId, page],
  );
  return (
    <Card
      title={t('大额支出会签', 'Joint signatures on large expenses')}
      data-testid="expenses"
      extra={
        can('decisions.write') && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-expense">
            {t('登记支出', 'Record an expense')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <OrgPicker value={orgId} onChange={(v) => (setOrgId(v), setPage(1))} />
      </Space>
      <Table<ExpenseRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无支出', 'None') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'spentOn', width: 110 },
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('用途', 'Purpose'), dataIndex: 'purpose' },
          { title: t('金额（元）', 'Yuan'), render: (_, e) => e.amountYuan.toLocaleString('zh-CN'), align: 'right' },
          {
            title: t('会签', 'Joint signatures'),
            render: (_, e) =>
              !e.needsJointSignatures ? (
                <Tag>{t('无需会签', 'Not needed')}</Tag>
              ) : (
                <Space size={4} wrap>
                  {e.signed.map((s) => (
                    <Tag key={s.cadreId} color="green">
                      {s.name} {t('已签', 'signed')}
                    </Tag>
                  ))}
                  {e.missing.map((s) => (
                    <Tag key={s.cadreId} color="red">
                      {s.name} {t('未签', 'not signed')}
                    </Tag>
                  ))}
                  {e.missing.some((s) => s.cadreId === me?.cadreId) && can('decisions.sign') && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setSigning(e)}
                      data-testid={`sign-expense-${e.id}`}
                    >
                      {t('本人会签', 'Sign')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {signing && (
        <SignDialog
          title={`${signing.purpose}（${signing.amountYuan.toLocaleString('zh-CN')} 元）`}
          onClose={() => setSigning(undefined)}
          onSave={async (v) => {
            try {
              await api('POST', `/api/v1/expenses/${signing.id}/sign`, v);
              message.success(t('已会签', 'Signed'));
              list.reload();
              return true;
            } catch (e) {
              message.error(errorText(e, lang));
              return false;
            }
          }}
        />
      )}
      {adding && <ExpenseDialog onClose={(saved) => (setAdding(false), saved && list.reload())} />}
    </Card>
  );
}

function ExpenseDialog({ onClose }: { onClose(saved: boolean): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = async (v: { spentOn: { format(f: string): string } }) => {
    try {
      const r = await api<{ needsJointSignatures: boolean }>('POST', '/api/v1/expenses', {
        ...v,
        spentOn: v.spentOn.format('YYYY-MM-DD'),
      });
      message.success(
        r.needsJointSignatures ? t('已登记，须班子成员会签', 'Recorded; the team must sign') : t('已登记', 'Recorded'),
      );
      onClose(true);
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Modal open title={t('登记支出', 'Record an expense')} onCancel={() => onClose(false)} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={save} data-testid="expense-form">
        <Form.Item name="orgId" label={t('单位', 'Unit')} rules={[{ required: true }]}>
          <OrgPicker width="100%" testId="expense-org" />
        </Form.Item>
        <Form.Item name="spentOn" label={t('支出日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('用途', 'Purpose')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('金额（元）', 'Amount (yuan)')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
