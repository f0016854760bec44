// The moves the clue's state allows (M-14, M-16): propose a disposal with the collective decision behind it, the
// head's approval or return, and the conclusion with its outcomes. Every write sends the loaded version, so a clue
// someone else has just moved answers 409 instead of being overwritten.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { dateTime, todayCst, useClueDicts } from './clueDicts';
import type { ClueDetail } from './types';

type Dialog = 'propose' | 'conclude' | null;

/** Runs a write, shows the server's message on failure (in the dialog), reloads on success. */
function useWrite(onChanged: () => void) {
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true); setError(null);
    try { await fn(); message.success(done); onChanged(); return true; } catch (e) { setError(errorText(e, lang)); return false; } finally { setBusy(false); }
  };
  return { busy, error, setError, run };
}

export function ClueActions({ clue, onChanged }: { clue: ClueDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { dicts, opts, zhen } = useClueDicts();
  const [open, setOpen] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const w = useWrite(onChanged);
  const disposal = Form.useWatch('disposal', form);
  const result = Form.useWatch('result', form);
  const show = (d: Dialog) => { form.resetFields(); w.setError(null); setOpen(d); };
  const handle = can('clues.handle');
  const canPropose = handle && (clue.state === 'registered' || clue.state === 'on_hold');
  const canConclude = handle && (clue.state === 'inquiry' || clue.state === 'verification');
  const faultFound = result === 'substantiated' || result === 'partly';

  const submit = async () => {
    const v = await form.validateFields();
    const ok = open === 'propose'
      ? await w.run(() => api('POST', `/api/v1/clues/${clue.id}/propose`, {
        disposal: v.disposal, opinion: v.opinion, version: clue.version,
        collective: { meetingOn: v.meetingOn, participants: v.participants ?? [], minutes: v.minutes },
        ...(v.disposal === 'hold' ? { holdReviewOn: v.holdReviewOn } : {}), ...(v.disposal === 'transfer' ? { transferTo: v.transferTo } : {}),
      }), t('处置意见已提交审批', 'Proposal sent for approval'))
      : await w.run(() => api('POST', `/api/v1/clues/${clue.id}/conclude`, {
        result: v.result, opinion: v.opinion, version: clue.version, outcomes: faultFound ? v.outcomes ?? [] : [],
        ...(v.result === 'false' && v.referAccuser ? { referAccuser: true } : {}),
      }), t('线索已办结', 'Clue concluded'));
    if (ok) setOpen(null);
  };
  const disposalOptions = Object.entries(dicts?.disposals ?? {}).map(([value, d]) => ({ value, label: zhen(d) }));
  const outcomeOptions = Object.entries(dicts?.outcomeKinds ?? {}).map(([value, k]) => ({ value, label: `${zhen(k)}（${dicts?.forms[k.form] ?? ''}）` }));
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];

  return (
    <>
      <Space wrap>
        {canPropose && <Button type="primary" onClick={() => show('propose')} data-testid="propose">{t('提出处置意见', 'Propose a disposal')}</Button>}
        {canConclude && <Button type="primary" onClick={() => show('conclude')} data-testid="conclude">{t('办结', 'Conclude')}</Button>}
      </Space>
      <Modal open={!!open} width={720} forceRender title={open === 'propose' ? t('提出处置意见（附集体研究意见）', 'Propose a disposal (with the collective decision)') : t('办结：认定与处理结果', 'Conclude: finding and outcomes')}
        onCancel={() => setOpen(null)} onOk={submit} okText={t('提交', 'Submit')} cancelText={t('取消', 'Cancel')} okButtonProps={{ loading: w.busy, 'data-testid': 'clue-dialog-ok' }}>
        {w.error && <Alert type="error" showIcon message={w.error} style={{ marginBottom: 12 }} data-testid="dialog-error" />}
        <Form form={form} layout="vertical" initialValues={{ meetingOn: todayCst(), outcomes: [{ decidedOn: todayCst() }] }}>
          {open === 'propose' && <>
            <Form.Item name="disposal" label={t('处置方式', 'Disposal')} rules={required('请选择处置方式', 'Choose a disposal')}><Select options={disposalOptions} data-testid="disposal" /></Form.Item>
            {disposal === 'hold' && <Form.Item name="holdReviewOn" label={t('复查日期', 'Review on')} rules={required('暂存待查须定复查日期', 'A hold needs a review date')}><Input type="date" min={todayCst()} /></Form.Item>}
            {disposal === 'transfer' && <Form.Item name="transferTo" label={t('接收机关', 'Receiving body')} rules={required('请写明接收机关', 'Name the receiving body')}><Input maxLength={100} /></Form.Item>}
            <Form.Item name="opinion" label={t('处置意见', 'Opinion')} rules={[{ required: true, min: 4, message: t('请写明处置意见（至少 4 个字）', 'At least 4 characters') }]}><Input.TextArea rows={2} maxLength={2000} data-testid="opinion" /></Form.Item>
            <Row gutter={12}>
              <Col span={8}><Form.Item name="meetingOn" label={t('集体研究日期', 'Meeting date')} rules={required('请填写集体研究日期', 'Enter the meeting date')}><Input type="date" max={todayCst()} /></Form.Item></Col>
              <Col span={16}><Form.Item name="participants" label={t('参加人员（至少 3 人，输入姓名后回车）', 'Participants (at least 3; type a name, press Enter)')}
                rules={[{ validator: (_, v: string[] | undefined) => ((v?.length ?? 0) >= 3 ? Promise.resolve() : Promise.reject(new Error(t('集体研究至少 3 人参加', 'At least 3 participants')))) }]}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="participants" /></Form.Item></Col>
            </Row>
            <Form.Item name="minutes" label={t('集体研究意见（会议纪要）', 'Minutes of the collective decision')} rules={[{ required: true, min: 4, message: t('请写明集体研究意见（至少 4 个字）', 'At least 4 characters') }]}>
              <Input.TextArea rows={3} maxLength={5000} data-testid="minutes" /></Form.Item>
          </>}
          {open === 'conclude' && <>
            <Form.Item name="result" label={t('认定结果', 'Finding')} rules={required('请选择认定结果', 'Choose the finding')}>
              <Select options={opts(dicts?.results)} data-testid="result" /></Form.Item>
            <Form.Item name="opinion" label={t('办结意见', 'Opinion')} rules={[{ required: true, min: 4, message: t('请写明办结意见（至少 4 个字）', 'At least 4 characters') }]}><Input.TextArea rows={2} maxLength={2000} data-testid="opinion" /></Form.Item>
            {faultFound && <Form.List name="outcomes">{(fields, { add, remove }) => <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col span={8}><Form.Item name={[f.name, 'kind']} label={t('处理方式', 'Outcome')} rules={required('请选择处理方式', 'Choose')}><Select options={outcomeOptions} data-testid="outcome-kind" /></Form.Item></Col>
                  <Col span={6}><Form.Item name={[f.name, 'decidedOn']} label={t('决定日期', 'Decided on')} rules={required('请填写日期', 'Enter the date')}><Input type="date" max={todayCst()} /></Form.Item></Col>
                  <Col span={9}><Form.Item name={[f.name, 'summary']} label={t('处理内容', 'Summary')} rules={[{ required: true, min: 2, message: t('请写明处理内容', 'Describe it') }]}><Input maxLength={2000} data-testid="outcome-summary" /></Form.Item></Col>
                  <Col span={1} style={{ paddingTop: 36 }}>{fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}</Col>
                </Row>))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ decidedOn: todayCst() })}>{t('增加一项处理', 'Add an outcome')}</Button>
            </>}</Form.List>}
            {result === 'false' && <Form.Item name="referAccuser" valuePropName="checked"><Checkbox>{t('移送处理诬告者', 'Refer the false accuser for handling')}</Checkbox></Form.Item>}
            {result && !faultFound && <Alert type="info" showIcon message={t('问题不实或诬告的，不附处理结果；诬告的将在干部档案中记载澄清正名。', 'No outcomes for an unsubstantiated or false finding; a false accusation clears the name in the dossier.')} />}
          </>}
        </Form>
      </Modal>
    </>
  );
}

/** The proposal awaiting the head, and — for the head — approve or return it with an opinion. */
export function ProposalCard({ clue, onChanged }: { clue: ClueDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const { dicts, zhen } = useClueDicts();
  const [opinion, setOpinion] = useState('');
  const w = useWrite(onChanged);
  const p = clue.proposal;
  if (!p) return null;
  const decide = (verb: 'approve' | 'return') => w.run(() => api('POST', `/api/v1/clues/${clue.id}/${verb}`, { opinion, version: clue.version }),
    verb === 'approve' ? t('已审批同意', 'Approved') : t('已退回重议', 'Returned'));
  return (
    <>
      <Descriptions bordered size="small" column={2} data-testid="proposal">
        <Descriptions.Item label={t('处置方式', 'Disposal')}>{zhen(dicts?.disposals[p.disposal])}</Descriptions.Item>
        <Descriptions.Item label={t('提出人', 'Proposed by')}>{p.proposedByName}（{dateTime(p.proposedAt)}）</Descriptions.Item>
        <Descriptions.Item label={t('集体研究日期', 'Meeting')}>{p.collective.meetingOn}</Descriptions.Item>
        <Descriptions.Item label={t('参加人员', 'Participants')}>{p.collective.participants.map((n) => <Tag key={n}>{n}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={t('集体研究意见', 'Minutes')} span={2}>{p.collective.minutes}</Descriptions.Item>
        {p.holdReviewOn && <Descriptions.Item label={t('复查日期', 'Review on')}>{p.holdReviewOn}</Descriptions.Item>}
        {p.transferTo && <Descriptions.Item label={t('接收机关', 'Receiving body')}>{p.transferTo}</Descriptions.Item>}
      </Descriptions>
      {clue.state === 'proposed' && me?.isHead && can('clues.approve') && (
        <div style={{ marginTop: 12 }}>
          {w.error && <Alert type="error" showIcon message={w.error} style={{ marginBottom: 12 }} data-testid="decide-error" />}
          <Input.TextArea rows={2} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder={t('审批意见', 'Opinion')} data-testid="decide-opinion" />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" loading={w.busy} disabled={opinion.trim().length < 2} onClick={() => decide('approve')} data-testid="approve">{t('审批同意', 'Approve')}</Button>
            <Button loading={w.busy} disabled={opinion.trim().length < 2} onClick={() => decide('return')} data-testid="return">{t('退回重议', 'Return')}</Button>
          </Space>
        </div>
      )}
      {clue.state === 'proposed' && !me?.isHead && <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('待纪委监委主要负责人审批', 'Awaiting the commission head’s approval')} />}
    </>
  );
}
