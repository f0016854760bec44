// The seal of a meeting (issue 14 §5, M-35) on its page: 封存 once every item is closed (it cannot be undone), then
// the seal's place in the unit's chain and its digest, and 核验 — the server recomputes the record from the rows and
// names any field that differs, and checks the signature and the link to the previous seal; 导出归档 downloads the
// .zip that verify.html inside it (or `npm run verify-archive`) checks offline.
import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { MeetingDetail, SealCheck } from '@api';
import { api, get } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { Addenda } from './Addenda';

export function SealBar({
  meeting,
  writable,
  canCorrect,
  onChange,
}: {
  meeting: MeetingDetail;
  writable: boolean;
  /** May add a sealed correction to a sealed record. */
  canCorrect: boolean;
  onChange(): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [check, setCheck] = useState<SealCheck>();
  const open = meeting.items.filter((i) => i.status === 'open').length;
  const seal = async () => {
    try {
      await api('POST', `/api/v1/meetings/${meeting.id}/seal`, {});
      message.success(t('会议记录已封存', 'The record is sealed'));
      onChange();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const verify = async () => {
    try {
      setCheck(await get<SealCheck>(`/api/v1/meetings/${meeting.id}/seal`));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  if (!meeting.seal)
    return writable ? (
      <Space data-testid="seal-bar">
        <Tag>{t('未封存', 'Not sealed')}</Tag>
        <Popconfirm
          title={t('封存后会议记录不能再修改，确定封存？', 'A sealed record can no longer change. Seal it?')}
          onConfirm={seal}
          disabled={open > 0 || meeting.items.length === 0}
        >
          <Button type="primary" disabled={open > 0 || meeting.items.length === 0} data-testid="seal-meeting">
            {t('封存会议记录', 'Seal the record')}
          </Button>
        </Popconfirm>
        {open > 0 && (
          <Typography.Text type="secondary">
            {t(`还有 ${open} 个议题未结束`, `${open} item(s) still open`)}
          </Typography.Text>
        )}
      </Space>
    ) : (
      <Tag data-testid="seal-bar">{t('未封存', 'Not sealed')}</Tag>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="seal-bar">
      <Space wrap>
        <Tag color="green" data-testid="sealed">
          {t(`已封存 · 本单位第 ${meeting.seal.seq} 号`, `Sealed · no. ${meeting.seal.seq} of the unit`)}
        </Tag>
        <Typography.Text type="secondary">
          {new Date(meeting.seal.sealedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
        </Typography.Text>
        <Typography.Text code copyable={{ text: meeting.seal.digest }}>
          {t('摘要', 'Digest')} {meeting.seal.digest.slice(0, 16)}…
        </Typography.Text>
        <Button onClick={verify} data-testid="verify-seal">
          {t('核验封存', 'Check the seal')}
        </Button>
        <Button href={`/api/v1/meetings/${meeting.id}/archive`} data-testid="export-archive">
          {t('导出归档（可离线核验）', 'Export the archive (checks offline)')}
        </Button>
      </Space>
      {check?.sealed && (
        <Alert
          data-testid="seal-check"
          type={check.intact ? 'success' : 'error'}
          showIcon
          message={
            check.intact
              ? t('核验通过：记录与封存一致，签名有效，与上一封存衔接', 'Intact: record, signature and chain check out')
              : t('核验未通过', 'The check failed')
          }
          description={
            check.intact
              ? null
              : [
                  !check.checks?.digest && t('封存的记录与摘要不符', 'The sealed record does not match its digest'),
                  !check.checks?.signature && t('签名无效', 'The signature is not valid'),
                  !check.checks?.chain && t('与上一封存不衔接', 'The link to the previous seal is broken'),
                  check.checks?.changed.length &&
                    `${t('与封存不一致的字段', 'Fields that differ')}：${check.checks.changed.join('、')}`,
                ]
                  .filter(Boolean)
                  .join('；')
          }
        />
      )}
      <Addenda meeting={meeting} canAdd={canCorrect} onChange={onChange} />
    </Space>
  );
}
