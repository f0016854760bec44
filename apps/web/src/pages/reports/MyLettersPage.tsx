// 我的函询 (M-15): letters addressed to me to reply to, and letters I countersign as the principal of the cadre's
// unit. Only the letter's questions and the reply appear here — never the reports behind it or the reporter.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { useClueDicts } from './clueDicts';
import type { MyLetter } from './types';

const Pre = ({ text }: { text: string | null }) => <span style={{ whiteSpace: 'pre-wrap' }}>{text ?? '—'}</span>;

function LetterBox({ l, onChanged }: { l: MyLetter; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { dicts, lab } = useClueDicts();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toReply = l.myPart === 'reply' && l.status === 'sent';
  const toSign = l.myPart === 'countersign' && l.status === 'replied';
  // The same words as the server (letter schema): a blank or token text stops here, before any request.
  const tooShort = toReply
    ? t('请如实作出书面说明（至少 10 个字）', 'Answer in writing (at least 10 characters)')
    : t(
        '请对回复内容写明具体意见（至少 10 个字），不能一签了之',
        'Write an opinion on the reply (at least 10 characters), not a bare signature',
      );
  const send = async ({ text }: { text: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (toReply) await api('POST', `/api/v1/my/letters/${l.id}/reply`, { reply: text });
      else await api('POST', `/api/v1/my/letters/${l.id}/countersign`, { opinion: text });
      message.success(toReply ? t('书面说明已提交', 'Reply sent') : t('签署意见已提交', 'Countersigned'));
      form.resetFields();
      onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      data-testid={`my-letter-${l.myPart}`}
      title={
        <Space>
          {l.number}
          <Tag color={toReply || toSign ? 'red' : 'default'}>{lab(dicts?.letterStatus, l.status) || l.statusLabel}</Tag>
          <Tag color="blue">
            {l.myPart === 'reply' ? t('本人书面说明', 'You reply') : t('主要负责人签署意见', 'You countersign')}
          </Tag>
        </Space>
      }
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('被函询人', 'Addressed to')}>{l.cadreName}</Descriptions.Item>
        <Descriptions.Item label={t('签署意见人', 'Countersigner')}>{l.countersignerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('发函日期', 'Issued')}>{l.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t('回复期限', 'Reply by')}>
          <Typography.Text strong>{l.dueOn}</Typography.Text>
        </Descriptions.Item>
        {l.copyTo && (
          <Descriptions.Item label={t('抄送', 'Copied to')} span={2}>
            {l.copyTo}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('函询问题', 'Questions')} span={2}>
          <Pre text={l.questions} />
        </Descriptions.Item>
        {(l.reply || toSign) && (
          <Descriptions.Item label={t('书面说明', 'Reply')} span={2}>
            <Pre text={l.reply} />
          </Descriptions.Item>
        )}
        {l.countersignOpinion && (
          <Descriptions.Item label={t('主要负责人签署意见', 'Countersignature')} span={2}>
            <Pre text={l.countersignOpinion} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {(toReply || toSign) && (
        <div style={{ marginTop: 12 }}>
          {error && (
            <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="letter-error" />
          )}
          <Form form={form} onFinish={send}>
            <Form.Item
              name="text"
              rules={[
                {
                  validator: (_, v?: string) =>
                    (v ?? '').trim().length >= 10 ? Promise.resolve() : Promise.reject(new Error(tooShort)),
                },
              ]}
            >
              <Input.TextArea
                rows={5}
                data-testid={toReply ? 'reply-text' : 'countersign-text'}
                placeholder={
                  toReply
                    ? t('请对函询问题逐项如实作出书面说明', 'Answer each question truthfully in writing')
                    : t(
                        '请对回复内容写明具体意见（至少 10 个字），不能一签了之',
                        'Write an opinion on the reply (at least 10 characters), not a bare signature',
                      )
                }
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              data-testid={toReply ? 'send-reply' : 'send-countersign'}
            >
              {toReply ? t('提交书面说明', 'Send the reply') : t('提交签署意见', 'Countersign')}
            </Button>
          </Form>
        </div>
      )}
    </Card>
  );
}

export function MyLettersPage() {
  const { t, lang } = useI18n();
  const r = useLoad(() => get<{ items: MyLetter[] }>('/api/v1/my/letters'), []);
  const items = r.data?.items ?? [];
  const pending = (l: MyLetter) =>
    (l.myPart === 'reply' && l.status === 'sent') || (l.myPart === 'countersign' && l.status === 'replied');
  const todo = items.filter(pending);
  const done = items.filter((l) => !pending(l));
  return (
    <Card title={t('我的函询', 'My letters of inquiry')} loading={r.loading && !r.data}>
      {r.error ? <Typography.Text type="danger">{errorText(r.error, lang)}</Typography.Text> : null}
      <Typography.Title level={5}>{t(`待办（${todo.length}）`, `To do (${todo.length})`)}</Typography.Title>
      {todo.length ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {todo.map((l) => (
            <LetterBox key={l.id} l={l} onChanged={r.reload} />
          ))}
        </Space>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('暂无需要回复或签署的函询', 'Nothing to reply to or countersign')}
          data-testid="no-letters"
        />
      )}
      {done.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t(`已办（${done.length}）`, `Done (${done.length})`)}
          </Typography.Title>
          <Space direction="vertical" style={{ width: '100%' }}>
            {done.map((l) => (
              <LetterBox key={l.id} l={l} onChanged={r.reload} />
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}
