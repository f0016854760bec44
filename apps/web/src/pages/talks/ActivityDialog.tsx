// 登记监督工作 (M-23, M-25, M-26): a research visit, a party lecture, a special check, a hearing (each person heard with
// a verdict), or — for the discipline commission only — a secretary's reminder, a report upward, a failure to report.
// From a duty the kind, the unit, who did it and whom it concerns are the duty's, and the date falls in its period, so
// the record answers it. A committee leader records only their own work, so they are always the one who did it.
import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { OrgPicker } from '../../components/OrgPicker';
import { CadreSelect, useRecorder, type Person } from './CadreSelect';
import { SubjectsField } from './SubjectsField';
import { COMMITTEE_KINDS, useObligationDicts, type Verdict } from './obligationDicts';
import type { ActivitySaved as Saved } from '@api';

/** What the dialog starts with; `fromDuty` fixes the kind, the unit and the one who did it. */
export interface ActivityPreset {
  kind?: string;
  orgId?: number;
  orgName?: string;
  targetOrgId?: number;
  targetName?: string;
  actor?: Person;
  subjects?: Person[];
  minDate?: string;
  maxDate?: string;
  note?: string;
  fromDuty?: boolean;
}
interface Values {
  kind: string;
  orgId: number;
  actorCadreId?: number;
  targetOrgId?: number;
  heldOn: Dayjs;
  title: string;
  summary: string;
  followUp?: string;
  reportedTo?: string;
  subjects?: Array<{ cadreId: number; verdict?: Verdict; comment?: string }>;
}

const ACTOR: Record<string, [string, string]> = {
  research_visit: ['调研人', 'Visited by'],
  party_lecture: ['讲课人', 'Lecturer'],
  special_check: ['主持人', 'Chaired by'],
  member_hearing: ['主持人', 'Chaired by'],
  lower_hearing: ['主持人', 'Chaired by'],
  secretary_reminder: ['提醒人（纪委书记）', 'Reminder by'],
  upward_report: ['报告人', 'Reported by'],
  non_report: ['未报告人', 'Who failed to report'],
};
const TARGET_KINDS = ['research_visit', 'party_lecture', 'special_check', 'lower_hearing'];
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');
const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

export function ActivityDialog({
  open,
  preset,
  onClose,
  onSaved,
}: {
  open: boolean;
  preset?: ActivityPreset;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  const { message } = App.useApp();
  const { dicts, activityKind, activityOptions } = useObligationDicts();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { max, min, ownOnly, self } = useRecorder(preset);
  const actorInitial = preset?.actor ?? (ownOnly ? self : undefined);
  const def = kind ? dicts?.activityKinds[kind] : undefined;
  const committee = !!kind && COMMITTEE_KINDS.includes(kind);
  const fixed = !!preset?.fromDuty;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      kind: preset?.kind,
      orgId: preset?.orgId ?? me?.orgId,
      targetOrgId: preset?.targetOrgId,
      actorCadreId: actorInitial?.id,
      heldOn: dayjs(max),
      subjects: (preset?.subjects ?? []).map((p) => ({ cadreId: p.id })),
    });
  }, [open, preset]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !def) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<Saved>('POST', '/api/v1/activities', {
        kind: v.kind,
        orgId: v.orgId,
        actorCadreId: v.actorCadreId,
        targetOrgId: TARGET_KINDS.includes(v.kind) ? v.targetOrgId : undefined,
        heldOn: ymd(v.heldOn),
        title: v.title.trim(),
        summary: v.summary.trim(),
        followUp: blank(v.followUp),
        reportedTo: v.kind === 'upward_report' ? blank(v.reportedTo) : undefined,
        subjects:
          def.subjects === 'none'
            ? undefined
            : (v.subjects ?? []).map((s) => ({
                cadreId: s.cadreId,
                verdict: def.subjects === 'verdict' ? s.verdict : undefined,
                comment: blank(s.comment),
              })),
      });
      const done = r.fulfilled.filter((f) => f.done).length;
      const counted = r.fulfilled.length - done;
      const parts = [t('已登记', 'Recorded')];
      if (done) parts.push(t(`，完成监督责任 ${done} 项`, `; ${done} duty(ies) done`));
      if (counted)
        parts.push(
          t(
            `，计入监督责任 ${counted} 项（尚未达到应开展次数）`,
            `; counted towards ${counted} duty(ies) not yet complete`,
          ),
        );
      if (r.summonsDuties.length) {
        parts.push(
          t(
            `；有 ${r.summonsDuties.length} 人评价为“履责不到位”，已为主持人开启约谈责任，请在期限内约谈`,
            `; ${r.summonsDuties.length} found failing: a summons is now due from the chair`,
          ),
        );
        message.warning(parts.join(''), 8);
      } else message.success(parts.join(''));
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const req = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];
  const atLeast = (n: number, zh: string, en: string) => [
    {
      validator: (_: unknown, s?: string) =>
        (s ?? '').trim().length >= n ? Promise.resolve() : Promise.reject(new Error(t(zh, en))),
    },
  ];
  const actorLabel = kind ? t(...(ACTOR[kind] ?? ['开展人', 'Done by'])) : t('开展人', 'Done by');

  return (
    <Modal
      open={open}
      width={760}
      title={t('登记监督工作', 'Record supervision work')}
      onCancel={onClose}
      onOk={submit}
      forceRender
      destroyOnHidden={false}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'activity-save' }}
    >
      {preset?.note && <Alert type="info" showIcon message={preset.note} style={{ marginBottom: 12 }} />}
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="activity-error" />
      )}
      <Form form={form} layout="vertical">
        {fixed ? (
          <>
            {/* From a duty: what answers it is fixed, so it is shown, not asked. */}
            {['kind', 'orgId', 'actorCadreId', 'targetOrgId'].map((n) => (
              <Form.Item key={n} name={n} hidden noStyle>
                <Input />
              </Form.Item>
            ))}
            <Descriptions
              size="small"
              column={2}
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'k',
                  label: t('工作类别', 'Kind'),
                  children: <span data-testid="activity-kind">{kind ? activityKind(kind) : ''}</span>,
                },
                {
                  key: 'a',
                  label: actorLabel,
                  children: (
                    <span data-testid="activity-actor">
                      {preset?.actor?.name ?? t('党委（党组）集体', 'The committee')}
                    </span>
                  ),
                },
                {
                  key: 'o',
                  label: committee ? t('党委（党组）所在单位', 'Committee of') : t('单位', 'Unit'),
                  children: <span data-testid="activity-org-name">{preset?.orgName}</span>,
                },
                ...(preset?.targetName
                  ? [{ key: 't', label: t('汇报单位', 'Unit heard'), children: preset.targetName }]
                  : []),
              ]}
            />
          </>
        ) : (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="kind" label={t('工作类别', 'Kind')} rules={req('请选择工作类别', 'Choose the kind')}>
                <Select options={activityOptions(can('clues.handle'))} data-testid="activity-kind" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="orgId"
                label={committee ? t('党委（党组）所在单位', 'Committee of') : t('单位', 'Unit')}
                rules={req('请选择单位', 'Choose the unit')}
              >
                <OrgPicker width="100%" testId="activity-org" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="actorCadreId"
                label={committee && !ownOnly ? `${actorLabel}${t('（可不填：党委集体）', ' (optional)')}` : actorLabel}
                rules={committee ? [] : req('请选择开展人', 'Name who did it')}
              >
                <CadreSelect initial={actorInitial} disabled={ownOnly} testId="activity-actor" />
              </Form.Item>
            </Col>
            {kind && TARGET_KINDS.includes(kind) && (
              <Col span={12}>
                <Form.Item
                  name="targetOrgId"
                  label={
                    kind === 'lower_hearing'
                      ? t('汇报单位（选填）', 'Unit heard (optional)')
                      : t('调研/检查单位（选填）', 'Unit visited (optional)')
                  }
                >
                  <OrgPicker width="100%" testId="activity-target" />
                </Form.Item>
              </Col>
            )}
            {kind === 'upward_report' && (
              <Col span={12}>
                <Form.Item
                  name="reportedTo"
                  label={t('报告对象', 'Reported to')}
                  rules={atLeast(2, '请写明向谁报告（上级纪委、同级党委主要负责人）', 'Say to whom it was reported')}
                >
                  <Input
                    maxLength={200}
                    placeholder={t('如：市纪委监委、区委书记', 'e.g. the city commission, the district secretary')}
                    data-testid="activity-reported-to"
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        {def && def.subjects !== 'none' && (
          <Form.Item
            label={
              def.subjects === 'verdict'
                ? t('汇报人及评价', 'People heard and verdicts')
                : kind === 'secretary_reminder'
                  ? t('被提醒人', 'Reminded')
                  : t('涉及干部', 'Cadres concerned')
            }
            required
          >
            <SubjectsField rule={def.subjects} people={preset?.subjects ?? []} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="title"
              label={t('标题', 'Title')}
              rules={atLeast(2, '请填写标题（至少 2 个字）', 'At least 2 characters')}
            >
              <Input maxLength={200} data-testid="activity-title" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="heldOn" label={t('开展日期', 'Date')} rules={req('请选择日期', 'Choose the date')}>
              <DatePicker
                format="YYYY-MM-DD"
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="activity-date"
                disabledDate={(d) => ymd(d) > max || (!!min && ymd(d) < min)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="summary"
          label={t('主要内容', 'What was done')}
          rules={atLeast(4, '请写明主要内容（至少 4 个字）', 'At least 4 characters')}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="activity-summary" />
        </Form.Item>
        <Form.Item name="followUp" label={t('整改要求或后续安排', 'Follow-up')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="activity-followup" />
        </Form.Item>
      </Form>
      {ownOnly && (
        <Alert
          type="warning"
          showIcon={false}
          message={t('党委领导只能登记本人开展的工作。', 'A committee leader records only their own work.')}
        />
      )}
    </Modal>
  );
}
