// Rule settings (rules as data): each rule with its M-id and SPEC default; for a chosen unit, the effective values,
// where each comes from, and (administrator) an override for the unit's subtree. The nearest override wins.
import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api, get } from '../api';
import { errorText, useI18n } from '../i18n';
import { useSession } from '../session';
import { OrgPicker } from '../components/OrgPicker';
import { useLoad } from '../components/useLoad';
import { Reevaluations } from '../components/Reevaluations';
import { NAMES } from '../components/labels';
import { loadDicts, options, type Dicts } from '../components/dicts';
import { useTalkDicts } from './talks/talkDicts';
import type { Rule, EffectiveSettings as Effective } from '@api';

export function RulesPage() {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const rules = useLoad(() => get<{ items: Rule[] }>('/api/v1/rules'), []);
  const [ruleId, setRuleId] = useState('M-04');
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [form] = Form.useForm();
  const [saves, setSaves] = useState(0);
  const eff = useLoad(
    () => (orgId ? get<Effective>(`/api/v1/rules/${ruleId}/settings?orgId=${orgId}`) : Promise.resolve(undefined)),
    [ruleId, orgId],
  );
  useEffect(() => {
    if (eff.data) form.setFieldsValue(eff.data.values);
  }, [eff.data, form]);
  const rule = rules.data?.items.find((r) => r.ruleId === ruleId);
  const [dicts, setDicts] = useState<Dicts>();
  useEffect(() => {
    loadDicts()
      .then(setDicts)
      .catch(() => {});
  }, []);
  // Where each value comes from, by unit name rather than number.
  const sourceIds = [...new Set(Object.values(eff.data?.sources ?? {}).filter((v): v is number => v != null))];
  const sourceNames = useLoad(
    async () =>
      Object.fromEntries(
        await Promise.all(
          sourceIds.map(async (id) => [id, (await get<{ name: string }>(`/api/v1/orgs/${id}`)).name] as const),
        ),
      ),
    [sourceIds.join(',')],
  );
  const keyLabel = (k: string) => NAMES[k]?.[lang === 'en' ? 1 : 0] ?? k;
  // M-21 names a talk kind per occasion: shown and chosen by its name, never its code.
  const { kind: talkKind, kindOptions } = useTalkDicts();
  const shownValue = (k: string, v: unknown) =>
    Array.isArray(v)
      ? v
          .map((x) =>
            k === 'areas' ? (options(dicts, 'portfolio_area', lang).find((o) => o.value === x)?.label ?? x) : x,
          )
          .join('、')
      : typeof v === 'string'
        ? talkKind(v) || v
        : String(v);
  // Shares step by 0.05; counts and days (0 included) by 1.
  const step = (k: string) => (Number.isInteger(rule?.defaults[k] ?? 0) ? 1 : 0.05);
  const editable = can('rules.write');

  const save = async (values: Record<string, unknown>) => {
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(eff.data?.values[k])),
    );
    if (!Object.keys(changed).length) return message.info(t('没有修改', 'Nothing changed'));
    try {
      await api('PUT', `/api/v1/rules/${ruleId}/overrides/${orgId}`, { settings: changed });
      message.success(t('已保存', 'Saved'));
      setSaves((n) => n + 1);
      eff.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const clear = async () => {
    try {
      await api('DELETE', `/api/v1/rules/${ruleId}/overrides/${orgId}`);
      message.success(t('已清除本单位的覆盖设置', 'Override cleared'));
      setSaves((n) => n + 1);
      eff.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card title={t('规则及默认值', 'Rules and defaults')}>
          <Table<Rule>
            rowKey="ruleId"
            size="small"
            pagination={false}
            dataSource={rules.data?.items ?? []}
            rowClassName={(r) => (r.ruleId === ruleId ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setRuleId(r.ruleId), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'M-id', dataIndex: 'ruleId', width: 70 },
              { title: t('规则', 'Rule'), render: (_, r) => (lang === 'en' ? r.titleEn : r.titleZh) },
            ]}
          />
        </Card>
      </Col>
      <Col span={14}>
        <Card
          title={
            <Space>
              {ruleId}
              <span>{rule && (lang === 'en' ? rule.titleEn : rule.titleZh)}</span>
            </Space>
          }
          extra={<OrgPicker value={orgId} onChange={setOrgId} />}
        >
          <Reevaluations version={saves} />
          {rule && (
            <Descriptions
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 16 }}
              title={t('SPEC 默认值', 'SPEC defaults')}
            >
              {Object.entries(rule.defaults).map(([k, v]) => (
                <Descriptions.Item key={k} label={keyLabel(k)}>
                  {shownValue(k, v)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {eff.data && (
            <Form form={form} layout="vertical" onFinish={save} disabled={!editable} data-testid="rule-form">
              <Typography.Title level={5}>{t('本单位生效值', 'Effective for this unit')}</Typography.Title>
              {Object.entries(eff.data.values).map(([k, v]) => (
                <Form.Item
                  key={k}
                  name={k}
                  label={
                    <Space>
                      {keyLabel(k)}
                      <Typography.Text type="secondary" code>
                        {k}
                      </Typography.Text>
                      {eff.data!.sources[k] == null ? (
                        <Tag>{t('默认', 'default')}</Tag>
                      ) : (
                        <Tag color="blue">
                          {t(
                            `由“${sourceNames.data?.[eff.data!.sources[k]!] ?? `#${eff.data!.sources[k]}`}”设置`,
                            `set at ${sourceNames.data?.[eff.data!.sources[k]!] ?? `#${eff.data!.sources[k]}`}`,
                          )}
                        </Tag>
                      )}
                    </Space>
                  }
                >
                  {Array.isArray(v) ? (
                    <Select
                      mode="tags"
                      data-testid={`setting-${k}`}
                      options={k === 'areas' ? options(dicts, 'portfolio_area', lang) : undefined}
                    />
                  ) : typeof v === 'string' ? (
                    <Select options={kindOptions} style={{ maxWidth: 240 }} data-testid={`setting-${k}`} />
                  ) : (
                    <InputNumber min={0} step={step(k)} data-testid={`setting-${k}`} />
                  )}
                </Form.Item>
              ))}
              {editable && (
                <Space>
                  <Button type="primary" htmlType="submit">
                    {t('保存为本单位及下级的设置', 'Save for this unit and below')}
                  </Button>
                  <Button onClick={clear}>{t('清除本单位覆盖', "Clear this unit's override")}</Button>
                </Space>
              )}
            </Form>
          )}
        </Card>
      </Col>
    </Row>
  );
}
