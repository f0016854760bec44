// Letters of inquiry of one clue (M-15): issue one, download the notice (.docx), and review the reply once the
// principal has countersigned it — accept it, or move the clue on to preliminary verification.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Empty, Input, Modal, Radio, Space, Tag } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useClueDicts } from './clueDicts';
import type { ClueDetail, Letter } from './types';

const OPEN = ['sent', 'replied', 'countersigned'];
const Pre = ({ text }: { text: string | null }) => <span style={{ whiteSpace: 'pre-wrap' }}>{text ?? '—'}</span>;

export function ClueLetters({ clue, onChanged }: { clue: ClueDetail; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const { dicts, lab } = useClueDicts();
  const [issuing, setIssuing] = useState(false);
  const [questions, setQuestions] = useState('');
  const [review, setReview] = useState<Letter | null>(null);
  const [decision, setDecision] = useState<'accept' | 'verify'>('accept');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handle = can('clues.handle');
  const canIssue = handle && clue.state === 'inquiry' && !clue.letters.some((l) => OPEN.includes(l.status));

  const run = async (fn: () => Promise<unknown>, done: string, after: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      message.success(done);
      after();
      onChanged();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const issue = () =>
    run(
      () => api('POST', `/api/v1/clues/${clue.id}/letters`, { questions }),
      t('函询已发出', 'Letter issued'),
      () => {
        setIssuing(false);
        setQuestions('');
      },
    );
  const decide = () =>
    run(
      () => api('POST', `/api/v1/letters/${review!.id}/decision`, { decision, note }),
      decision === 'accept' ? t('已采信回复', 'Reply accepted') : t('已转初步核实', 'Moved to verification'),
      () => {
        setReview(null);
        setNote('');
      },
    );

  return (
    <>
      {canIssue && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => {
            setError(null);
            setIssuing(true);
          }}
          data-testid="issue-letter"
        >
          {t('发出函询', 'Issue a letter of inquiry')}
        </Button>
      )}
      {clue.letters.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无函询', 'No letters of inquiry')} />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {clue.letters.map((l) => (
          <Descriptions
            key={l.id}
            bordered
            size="small"
            column={2}
            data-testid="letter"
            title={
              <Space>
                {l.number}
                <Tag color={l.status === 'countersigned' ? 'orange' : l.status === 'accepted' ? 'green' : 'blue'}>
                  {lab(dicts?.letterStatus, l.status)}
                </Tag>
              </Space>
            }
            extra={
              <Space>
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  href={`/api/v1/letters/${l.id}/letter.docx`}
                  data-testid="letter-docx"
                >
                  {t('下载函询通知书', 'Download the notice (.docx)')}
                </Button>
                {handle && l.status === 'countersigned' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setError(null);
                      setReview(l);
                    }}
                    data-testid="review-letter"
                  >
                    {t('审核回复', 'Review the reply')}
                  </Button>
                )}
              </Space>
            }
          >
            <Descriptions.Item label={t('发函日期', 'Issued')}>{l.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('回复期限', 'Reply by')}>{l.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('函询问题', 'Questions')} span={2}>
              <Pre text={l.questions} />
            </Descriptions.Item>
            <Descriptions.Item label={t('书面说明', 'Reply')} span={2}>
              <Pre text={l.reply} />
            </Descriptions.Item>
            <Descriptions.Item label={t('主要负责人签署意见', 'Countersignature')} span={2}>
              <Pre text={l.countersignOpinion} />
            </Descriptions.Item>
            {l.decisionNote && (
              <Descriptions.Item label={t('审核意见', 'Review')} span={2}>
                <Pre text={l.decisionNote} />
              </Descriptions.Item>
            )}
          </Descriptions>
        ))}
      </Space>
      <Modal
        open={issuing}
        title={t('发出函询', 'Issue a letter of inquiry')}
        onCancel={() => setIssuing(false)}
        onOk={issue}
        okText={t('发出', 'Issue')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ loading: busy, disabled: questions.trim().length < 10, 'data-testid': 'issue-ok' }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            '函询发给被反映人本人，抄送其所在党委，由所在单位主要负责人签署意见；被函询人看不到举报内容和举报人。',
            'The letter goes to the cadre, copied to their party committee, and is countersigned by their unit’s principal; the cadre never sees the reports or the reporter.',
          )}
        />
        <Input.TextArea
          rows={6}
          value={questions}
          onChange={(e) => setQuestions(e.target.value)}
          placeholder={t('函询问题（至少 10 个字）', 'Questions (at least 10 characters)')}
          data-testid="letter-questions"
        />
      </Modal>
      <Modal
        open={!!review}
        title={t('审核回复', 'Review the reply')}
        onCancel={() => setReview(null)}
        onOk={decide}
        okText={t('提交', 'Submit')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ loading: busy, disabled: note.trim().length < 4, 'data-testid': 'review-ok' }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Radio.Group
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
          style={{ marginBottom: 12 }}
          options={[
            { value: 'accept', label: t('回复属实，予以采信', 'Accept the reply') },
            { value: 'verify', label: t('转初步核实', 'Move to verification') },
          ]}
        />
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('审核意见（至少 4 个字）', 'Review note (at least 4 characters)')}
          data-testid="review-note"
        />
      </Modal>
    </>
  );
}
