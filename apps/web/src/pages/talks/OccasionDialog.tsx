// 登记必谈事由 (M-21, 八个必谈): an occasion in a cadre's life — a promotion, a commendation, an urgent task, signs of
// error… — opens a due talk of the kind and within the days the unit's M-21 setting gives (defaults shown here), owed by
// the cadre's superior principal unless a talker is named. A committee leader opens talks only for themselves.
import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { todayCst } from '../reports/clueDicts';
import { CadreSelect, type Person } from './CadreSelect';
import { useObligationDicts } from './obligationDicts';
import { useTalkDicts, type Duty, type Page } from './talkDicts';
import type { OccasionOpened as Opened } from '@api';

interface Values {
  event: string;
  cadreId: number;
  occurredOn: Dayjs;
  note?: string;
  talkerCadreId?: number;
}
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

export function OccasionDialog({
  open,
  cadre,
  onClose,
  onSaved,
}: {
  open: boolean;
  cadre?: Person;
  onClose(): void;
  onSaved?(): void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { modal } = App.useApp();
  const { dicts, occasion } = useObligationDicts();
  const { kind: kindLabel } = useTalkDicts();
  const [form] = Form.useForm<Values>();
  const event = Form.useWatch('event', form) as string | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = todayCst();
  const ownOnly = me?.role === 'committee_leader';
  const self: Person | undefined =
    me?.cadreId != null
      ? { id: me.cadreId, name: t(`本人（${me.displayName}）`, `Me (${me.displayName})`) }
      : undefined;
  const o = event ? occasion(event) : undefined;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      cadreId: cadre?.id,
      occurredOn: dayjs(today),
      talkerCadreId: ownOnly ? self?.id : undefined,
    });
  }, [open, cadre?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  /** The answer names the talker by id only: the duty it opened, which the caller may see, gives the names. */
  const opened = (r: Opened) =>
    get<Page<Duty>>(`/api/v1/obligations${qs({ ownerCadreId: r.ownerCadreId, ruleId: 'M-21', pageSize: 100 })}`)
      .then((l) => l.items.find((d) => d.id === r.dutyId))
      .catch(() => undefined);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<Opened>('POST', '/api/v1/talk-occasions', {
        event: v.event,
        cadreId: v.cadreId,
        occurredOn: ymd(v.occurredOn),
        note: v.note?.trim() || undefined,
        talkerCadreId: ownOnly ? undefined : v.talkerCadreId,
      });
      const d = await opened(r);
      const who =
        r.ownerCadreId === me?.cadreId
          ? t('您本人', 'you')
          : (d?.owner.name ?? t('上级主要负责人', 'the superior principal'));
      const talkee = d?.subject.name ?? t('该干部', 'the cadre');
      modal.success({
        title: t('必谈事由已登记', 'Occasion recorded'),
        content: (
          <span data-testid="occasion-result">
            {r.done
              ? t('已有符合条件的谈话，该项必谈已完成。', 'A talk already held answers it: the duty is done.')
              : t(
                  `应由 ${who} 于 ${r.dueOn} 前与 ${talkee} 进行${kindLabel(r.talkKind)}，并在“谈话记录”中登记。`,
                  `A ${kindLabel(r.talkKind).toLowerCase()} with ${talkee} is due from ${who} by ${r.dueOn}.`,
                )}
          </span>
        ),
        okText: t('知道了', 'OK'),
      });
      onSaved?.();
      onClose();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const req = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];

  return (
    <Modal
      open={open}
      width={640}
      title={t('登记必谈事由', 'Record an occasion for a talk')}
      onCancel={onClose}
      onOk={submit}
      forceRender
      destroyOnHidden={false}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'occasion-save' }}
    >
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="occasion-error" />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="event" label={t('必谈事由', 'Occasion')} rules={req('请选择必谈事由', 'Choose the occasion')}>
          <Select
            data-testid="occasion-event"
            placeholder={t('选择事由', 'Choose')}
            options={(dicts?.occasions ?? []).map((x) => ({ value: x.event, label: lang === 'en' ? x.en : x.zh }))}
            optionRender={(opt) => {
              const x = occasion(String(opt.value));
              return (
                <span>
                  {opt.label}
                  <Typography.Text type="secondary">
                    {x
                      ? t(
                          `（${kindLabel(x.defaultKind)}，${x.defaultDueDays} 日内）`,
                          ` (${kindLabel(x.defaultKind)}, ${x.defaultDueDays} days)`,
                        )
                      : ''}
                  </Typography.Text>
                </span>
              );
            }}
          />
        </Form.Item>
        {o && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="occasion-default"
            message={t(
              `默认：${kindLabel(o.defaultKind)}，事由发生后 ${o.defaultDueDays} 日内完成（以该干部所在单位的规则设置为准）。`,
              `Default: ${kindLabel(o.defaultKind)} within ${o.defaultDueDays} days of the occasion (the unit's M-21 setting decides).`,
            )}
          />
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="cadreId" label={t('谈话对象', 'Cadre')} rules={req('请选择干部', 'Choose the cadre')}>
              <CadreSelect initial={cadre} disabled={!!cadre} testId="occasion-cadre" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="occurredOn"
              label={t('事由发生日期', 'Occurred on')}
              rules={req('请选择日期', 'Choose the date')}
            >
              <DatePicker
                format="YYYY-MM-DD"
                allowClear={false}
                style={{ width: '100%' }}
                disabledDate={(d) => ymd(d) > today}
                data-testid="occasion-date"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('事由说明', 'Note')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('如：获评省级优秀党务工作者', 'e.g. named a model party worker')}
            data-testid="occasion-note"
          />
        </Form.Item>
        <Form.Item
          name="talkerCadreId"
          label={t('谈话人（选填）', 'Talker (optional)')}
          extra={
            ownOnly
              ? undefined
              : t(
                  '不填时由该干部的上级主要负责人谈话；找不到上级主要负责人时请指定。',
                  'Left empty, the superior principal talks; name one if there is none.',
                )
          }
        >
          <CadreSelect initial={ownOnly ? self : undefined} disabled={ownOnly} testId="occasion-talker" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
