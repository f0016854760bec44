// The form of a new account and of an edit (issue 13 §1): name, role, unit, data scope; an edit also asks why.
// A custom scope (code 2) names one or more units — those units only, not their subtrees (platform/scope/scope.ts); the
// server refuses any outside the manager's.
import { Form, Input, Modal, Select, Switch } from 'antd';
import { ROLES, SCOPE_LABELS, type AccountRow } from '@api';
import { OrgPicker } from '../../components/OrgPicker';
import { useI18n } from '../../i18n';

export interface AccountValues {
  username?: string;
  displayName: string;
  role: string;
  orgId: number;
  scope: number;
  customOrgIds?: number[];
  totpRequired?: boolean;
  reason?: string;
}

export function AccountForm({
  open,
  editing,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  editing: AccountRow | null;
  busy: boolean;
  onCancel(): void;
  onSubmit(v: AccountValues): void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<AccountValues>();
  const roles = Object.entries(ROLES).map(([value, l]) => ({ value, label: lang === 'en' ? l.en : l.zh }));
  const scopes = Object.entries(SCOPE_LABELS).map(([code, l]) => ({
    value: Number(code),
    label: lang === 'en' ? l.en : l.zh,
  }));
  const scope = Form.useWatch('scope', form);
  return (
    <Modal
      open={open}
      destroyOnHidden
      title={editing ? t(`修改账号 ${editing.username}`, `Edit ${editing.username}`) : t('新建账号', 'New account')}
      okText={editing ? t('保存', 'Save') : t('创建', 'Create')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={
          editing
            ? {
                displayName: editing.displayName,
                role: editing.role,
                orgId: editing.orgId,
                scope: editing.scope,
                customOrgIds: editing.customOrgIds,
                totpRequired: editing.totpRequired,
              }
            : { scope: 4, totpRequired: false }
        }
        onFinish={onSubmit}
        data-testid="account-form"
      >
        {!editing && (
          <Form.Item
            name="username"
            label={t('账号名', 'Account name')}
            extra={t('3–32 位小写字母、数字或 _ . -，以字母开头', '3–32 lower-case letters, digits or _ . -')}
            rules={[
              { required: true, pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('账号名格式不对', 'Not a valid name') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}>
          <Select options={roles} data-testid="account-role" />
        </Form.Item>
        <Form.Item name="orgId" label={t('所在单位', 'Unit')} rules={[{ required: true }]}>
          <OrgPicker width="100%" testId="account-org" />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t('数据权限', 'Data scope')}
          extra={t('不能超过您本人的数据权限', 'No wider than your own')}
          rules={[{ required: true }]}
        >
          <Select options={scopes} data-testid="account-scope" />
        </Form.Item>
        {scope === 2 && (
          <Form.Item
            name="customOrgIds"
            label={t('自定义范围的单位', 'Units of the custom scope')}
            extra={t(
              '可选多个单位；只含所选单位本身，下级单位需一并选上',
              'One or more units: only the units chosen, not those under them',
            )}
            rules={[{ required: true, message: t('请至少选择一个单位', 'Choose at least one unit') }]}
          >
            <OrgPicker multiple width="100%" testId="account-custom-orgs" />
          </Form.Item>
        )}
        <Form.Item
          name="totpRequired"
          label={t('要求双因素认证', 'Require a second factor')}
          extra={t('纪委监委、信访角色总是要求', 'Always required for the discipline and petition roles')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {editing && (
          <Form.Item name="reason" label={t('修改原因', 'Reason')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
