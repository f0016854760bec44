// The moves the clue's state allows (M-14, M-16): propose a disposal with the collective decision behind it, the
// head's approval or return, and the conclusion with its outcomes. Every write sends the loaded version, so a clue
// someone else has just moved answers 409 instead of being overwritten.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Tooltip,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { dateTime, day, todayCst, useClueDicts } from './clueDicts';
import type { ClueDetail, Proposal } from './types';

type Dialog = 'propose' | 'conclude' | null;

/** Dates as the server takes them; the pickers compare by the China-time calendar day. */
const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const today = () => dayjs(todayCst());
const datePicker = (disabledDate: (d: Dayjs) => boolean, testId: string) => (
  <DatePicker
    format="YYYY-MM-DD"
    disabledDate={disabledDate}
    allowClear={false}
    style={{ width: '100%' }}
    data-testid={testId}
  />
);
/** 参加人员 as one readable line (antd 6 tags carry no gap of their own). */
export const joinNames = (names: string[] | undefined) => (names ?? []).join('、');

/** Runs a write, shows the server's message on failure (in the dialog), reloads on success. */
function useWrite(onChanged: () => void) {
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      message.success(done);
      onChanged();
      return true;
    } catch (e) {
      setError(errorText(e, lang));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

export function ClueActions({ clue, onChanged }: { clue: ClueDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { modal } = App.useApp();
  const { dicts, opts, zhen, lab } = useClueDicts();
  const [open, setOpen] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const w = useWrite(onChanged);
  const disposal = Form.useWatch('disposal', form);
  const result = Form.useWatch('result', form);
  const show = (d: Dialog) => {
    form.resetFields();
    w.setError(null);
    setOpen(d);
  };
  const handle = can('clues.handle');
  const canPropose = handle && (clue.state === 'registered' || clue.state === 'on_hold');
  const canConclude = handle && (clue.state === 'inquiry' || clue.state === 'verification');
  const faultFound = result === 'substantiated' || result === 'partly';
  // The server refuses a meeting before the clue was registered: the picker does not offer those days.
  const registeredOn = day(clue.registeredAt);

  const submit = async () => {
    // An empty or half-filled form only shows the field messages: the rejection is the validation, not an error.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (open === 'propose') {
      const ok = await w.run(
        () =>
          api('POST', `/api/v1/clues/${clue.id}/propose`, {
            disposal: v.disposal,
            opinion: v.opinion,
            version: clue.version,
            collective: { meetingOn: ymd(v.meetingOn), participants: v.participants ?? [], minutes: v.minutes },
            ...(v.disposal === 'hold' ? { holdReviewOn: ymd(v.holdReviewOn) } : {}),
            ...(v.disposal === 'transfer' ? { transferTo: v.transferTo } : {}),
          }),
        t('处置意见已提交审批', 'Proposal sent for approval'),
      );
      if (ok) setOpen(null);
      return;
    }
    const conclude = async () => {
      const ok = await w.run(
        () =>
          api('POST', `/api/v1/clues/${clue.id}/conclude`, {
            result: v.result,
            opinion: v.opinion,
            version: clue.version,
            outcomes: faultFound
              ? (v.outcomes ?? []).map((o: { decidedOn: Dayjs }) => ({ ...o, decidedOn: ymd(o.decidedOn) }))
              : [],
            ...(v.result === 'false' && v.referAccuser ? { referAccuser: true } : {}),
          }),
        t('线索已办结', 'Clue concluded'),
      );
      if (ok) setOpen(null);
    };
    const isFalse = v.result === 'false';
    modal.confirm({
      title: t(`确认办结：认定“${lab(dicts?.results, v.result)}”？`, `Conclude as “${lab(dicts?.results, v.result)}”?`),
      content: isFalse
        ? t(
            '认定为诬告陷害后，线索即告办结，不能撤销：被反映人的干部档案将记载澄清正名，并计入诬告统计。请确认已有充分依据。',
            'A finding of false accusation concludes the clue and cannot be undone: the dossier records the clearing of the name. Be sure of the grounds.',
          )
        : t(
            '办结后线索不能再提出处置意见或修改认定结果，处理结果将记入干部档案。此操作不能撤销。',
            'Once concluded, the finding and outcomes cannot be changed; the outcomes go into the dossier. This cannot be undone.',
          ),
      okText: t('确认办结', 'Conclude'),
      cancelText: t('再看看', 'Go back'),
      okButtonProps: { danger: isFalse, 'data-testid': 'confirm-ok' },
      onOk: conclude,
    });
  };
  const disposalOptions = Object.entries(dicts?.disposals ?? {}).map(([value, d]) => ({ value, label: zhen(d) }));
  const outcomeOptions = Object.entries(dicts?.outcomeKinds ?? {}).map(([value, k]) => ({
    value,
    label: `${zhen(k)}（${dicts?.forms[k.form] ?? ''}）`,
  }));
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];

  return (
    <>
      <Space wrap>
        {canPropose && (
          <Button type="primary" onClick={() => show('propose')} data-testid="propose">
            {t('提出处置意见', 'Propose a disposal')}
          </Button>
        )}
        {canConclude && (
          <Button type="primary" onClick={() => show('conclude')} data-testid="conclude">
            {t('办结', 'Conclude')}
          </Button>
        )}
      </Space>
      <Modal
        open={!!open}
        width={720}
        forceRender
        title={
          open === 'propose'
            ? t('提出处置意见（附集体研究意见）', 'Propose a disposal (with the collective decision)')
            : t('办结：认定与处理结果', 'Conclude: finding and outcomes')
        }
        onCancel={() => setOpen(null)}
        onOk={submit}
        okText={t('提交', 'Submit')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ loading: w.busy, 'data-testid': 'clue-dialog-ok' }}
      >
        {w.error && (
          <Alert type="error" showIcon message={w.error} style={{ marginBottom: 12 }} data-testid="dialog-error" />
        )}
        <Form form={form} layout="vertical" initialValues={{ meetingOn: today(), outcomes: [{ decidedOn: today() }] }}>
          {open === 'propose' && (
            <>
              <Form.Item
                name="disposal"
                label={t('处置方式', 'Disposal')}
                rules={required('请选择处置方式', 'Choose a disposal')}
              >
                <Select options={disposalOptions} data-testid="disposal" />
              </Form.Item>
              {disposal === 'hold' && (
                <Form.Item
                  name="holdReviewOn"
                  label={t('复查日期', 'Review on')}
                  rules={required('暂存待查须定复查日期', 'A hold needs a review date')}
                >
                  {datePicker((d) => ymd(d)! <= todayCst(), 'hold-review-on')}
                </Form.Item>
              )}
              {disposal === 'transfer' && (
                <Form.Item
                  name="transferTo"
                  label={t('接收机关', 'Receiving body')}
                  rules={required('请写明接收机关', 'Name the receiving body')}
                >
                  <Input maxLength={100} />
                </Form.Item>
              )}
              <Form.Item
                name="opinion"
                label={t('处置意见', 'Opinion')}
                rules={[
                  { required: true, min: 4, message: t('请写明处置意见（至少 4 个字）', 'At least 4 characters') },
                ]}
              >
                <Input.TextArea rows={2} maxLength={2000} data-testid="opinion" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item
                    name="meetingOn"
                    label={t('集体研究日期', 'Meeting date')}
                    rules={required('请填写集体研究日期', 'Enter the meeting date')}
                  >
                    {datePicker((d) => ymd(d)! > todayCst() || ymd(d)! < registeredOn, 'meeting-on')}
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item
                    name="participants"
                    label={t(
                      '参加人员（至少 3 人，输入姓名后回车）',
                      'Participants (at least 3; type a name, press Enter)',
                    )}
                    rules={[
                      {
                        validator: (_, v: string[] | undefined) =>
                          (v?.length ?? 0) >= 3
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('集体研究至少 3 人参加', 'At least 3 participants'))),
                      },
                    ]}
                  >
                    <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="participants" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="minutes"
                label={t('集体研究意见（会议纪要）', 'Minutes of the collective decision')}
                rules={[
                  { required: true, min: 4, message: t('请写明集体研究意见（至少 4 个字）', 'At least 4 characters') },
                ]}
              >
                <Input.TextArea rows={3} maxLength={5000} data-testid="minutes" />
              </Form.Item>
            </>
          )}
          {open === 'conclude' && (
            <>
              <Form.Item
                name="result"
                label={t('认定结果', 'Finding')}
                rules={required('请选择认定结果', 'Choose the finding')}
              >
                <Select options={opts(dicts?.results)} data-testid="result" />
              </Form.Item>
              <Form.Item
                name="opinion"
                label={t('办结意见', 'Opinion')}
                rules={[
                  { required: true, min: 4, message: t('请写明办结意见（至少 4 个字）', 'At least 4 characters') },
                ]}
              >
                <Input.TextArea rows={2} maxLength={2000} data-testid="opinion" />
              </Form.Item>
              {faultFound && (
                <Form.List name="outcomes">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Row gutter={8} key={f.key} align="top">
                          <Col span={8}>
                            <Form.Item
                              name={[f.name, 'kind']}
                              label={t('处理方式', 'Outcome')}
                              rules={required('请选择处理方式', 'Choose')}
                            >
                              <Select options={outcomeOptions} data-testid="outcome-kind" />
                            </Form.Item>
                          </Col>
                          <Col span={6}>
                            <Form.Item
                              name={[f.name, 'decidedOn']}
                              label={t('决定日期', 'Decided on')}
                              rules={required('请填写日期', 'Enter the date')}
                            >
                              {datePicker((d) => ymd(d)! > todayCst(), 'decided-on')}
                            </Form.Item>
                          </Col>
                          <Col span={9}>
                            <Form.Item
                              name={[f.name, 'summary']}
                              label={t('处理内容', 'Summary')}
                              rules={[{ required: true, min: 2, message: t('请写明处理内容', 'Describe it') }]}
                            >
                              <Input maxLength={2000} data-testid="outcome-summary" />
                            </Form.Item>
                          </Col>
                          <Col span={1} style={{ paddingTop: 36 }}>
                            {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                          </Col>
                        </Row>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ decidedOn: today() })}>
                        {t('增加一项处理', 'Add an outcome')}
                      </Button>
                    </>
                  )}
                </Form.List>
              )}
              {result === 'false' && (
                <Form.Item name="referAccuser" valuePropName="checked">
                  <Checkbox>{t('移送处理诬告者', 'Refer the false accuser for handling')}</Checkbox>
                </Form.Item>
              )}
              {result && !faultFound && (
                <Alert
                  type="info"
                  showIcon
                  message={t(
                    '问题不实或诬告的，不附处理结果；诬告的将在干部档案中记载澄清正名。',
                    'No outcomes for an unsubstantiated or false finding; a false accusation clears the name in the dossier.',
                  )}
                />
              )}
            </>
          )}
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
  const p = clue.proposal as Proposal | null;
  if (!p) return null;
  // The server refuses the head's approval of their own proposal; the buttons say so before anyone tries.
  const own = p.proposedBy === me?.id;
  const ownText = t('不能审批本人提出的处置意见', 'You cannot approve or return your own proposal');
  const blocked = own || opinion.trim().length < 2;
  const decide = (verb: 'approve' | 'return') =>
    w.run(
      () => api('POST', `/api/v1/clues/${clue.id}/${verb}`, { opinion, version: clue.version }),
      verb === 'approve' ? t('已审批同意', 'Approved') : t('已退回重议', 'Returned'),
    );
  return (
    <>
      <Descriptions bordered size="small" column={2} data-testid="proposal">
        <Descriptions.Item label={t('处置方式', 'Disposal')}>{zhen(dicts?.disposals[p.disposal])}</Descriptions.Item>
        <Descriptions.Item label={t('提出人', 'Proposed by')}>
          {p.proposedByName}（{dateTime(p.proposedAt)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('集体研究日期', 'Meeting')}>{p.collective.meetingOn}</Descriptions.Item>
        <Descriptions.Item label={t('参加人员', 'Participants')}>
          <span data-testid="participants-list">{joinNames(p.collective.participants)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('集体研究意见', 'Minutes')} span={2}>
          {p.collective.minutes}
        </Descriptions.Item>
        {p.holdReviewOn && <Descriptions.Item label={t('复查日期', 'Review on')}>{p.holdReviewOn}</Descriptions.Item>}
        {p.transferTo && <Descriptions.Item label={t('接收机关', 'Receiving body')}>{p.transferTo}</Descriptions.Item>}
      </Descriptions>
      {clue.state === 'proposed' && me?.isHead && can('clues.approve') && (
        <div style={{ marginTop: 12 }}>
          {w.error && (
            <Alert type="error" showIcon message={w.error} style={{ marginBottom: 12 }} data-testid="decide-error" />
          )}
          <Input.TextArea
            rows={2}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            placeholder={t('审批意见', 'Opinion')}
            data-testid="decide-opinion"
          />
          <Space style={{ marginTop: 8 }}>
            <Popconfirm
              title={t('确认审批同意？', 'Approve this proposal?')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              description={t(
                '同意后线索按处置意见进入相应办理程序，审批意见签批留痕，不能撤回。',
                'The clue moves on as proposed; the signed approval cannot be withdrawn.',
              )}
              okText={t('同意', 'Approve')}
              cancelText={t('取消', 'Cancel')}
              onConfirm={() => decide('approve')}
              disabled={blocked}
            >
              <Tooltip title={own ? ownText : undefined}>
                <Button type="primary" loading={w.busy} disabled={blocked} data-testid="approve">
                  {t('审批同意', 'Approve')}
                </Button>
              </Tooltip>
            </Popconfirm>
            <Popconfirm
              title={t('确认退回重议？', 'Return for reconsideration?')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              description={t(
                '退回后本次处置意见作废，须重新集体研究后再提出，退回意见签批留痕，不能撤回。',
                'This proposal lapses and must be made again after a new collective decision; the return cannot be withdrawn.',
              )}
              okText={t('退回', 'Return')}
              cancelText={t('取消', 'Cancel')}
              onConfirm={() => decide('return')}
              disabled={blocked}
            >
              <Tooltip title={own ? ownText : undefined}>
                <Button loading={w.busy} disabled={blocked} data-testid="return">
                  {t('退回重议', 'Return')}
                </Button>
              </Tooltip>
            </Popconfirm>
          </Space>
          {own && (
            <Alert style={{ marginTop: 8 }} type="warning" showIcon message={ownText} data-testid="own-proposal" />
          )}
        </div>
      )}
      {clue.state === 'proposed' && !me?.isHead && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message={t('待纪委监委主要负责人审批', 'Awaiting the commission head’s approval')}
        />
      )}
    </>
  );
}
