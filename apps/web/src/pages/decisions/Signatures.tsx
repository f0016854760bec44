// The proposer's and the chair's signatures on a closed item (issue 14 §3, M-33): who has signed, when and how, and —
// for the signed-in person when they are the proposer or the chair — signing, which asks for the password or a
// one-time code again (a session left open is not a signature).
import { useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import type { MeetingDetail } from '@api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { beijingTime } from '../../time';
import { SignDialog } from '../../components/SignDialog';

type Item = MeetingDetail['items'][number];
const CAPACITY = { proposer: ['提议人', 'Proposer'], chair: ['主持人', 'Chair'] } as const;

export function Signatures({
  meeting,
  item,
  post,
}: {
  meeting: MeetingDetail;
  item: Item;
  post(path: string, body: unknown, done: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const [asking, setAsking] = useState(false);
  if (item.status === 'open') return null;
  const wanted = [
    { capacity: 'proposer' as const, cadreId: item.proposer.cadreId, name: item.proposer.name },
    { capacity: 'chair' as const, cadreId: meeting.chair.cadreId, name: meeting.chair.name },
  ];
  const mine = wanted.filter(
    (w) => w.cadreId === me?.cadreId && !item.signatures.some((g) => g.capacity === w.capacity),
  );
  return (
    <Space wrap data-testid={`signatures-${item.seq}`}>
      <Typography.Text type="secondary">{t('签名：', 'Signatures: ')}</Typography.Text>
      {wanted.map((w) => {
        const g = item.signatures.find((x) => x.capacity === w.capacity);
        return g ? (
          <Tag key={w.capacity} color="green" title={`SHA-256 ${g.digest}`}>
            {t(CAPACITY[w.capacity][0], CAPACITY[w.capacity][1])} {g.name}{' '}
            {t(`已签名 ${beijingTime(g.signedAt)}`, `signed ${beijingTime(g.signedAt)}`)}
          </Tag>
        ) : (
          <Tag key={w.capacity}>
            {t(CAPACITY[w.capacity][0], CAPACITY[w.capacity][1])} {w.name} {t('未签名', 'not signed')}
          </Tag>
        );
      })}
      {mine.length > 0 && !meeting.seal && can('decisions.sign') && (
        <Button size="small" type="primary" onClick={() => setAsking(true)} data-testid={`sign-${item.seq}`}>
          {t('本人签名', 'Sign')}
        </Button>
      )}
      {asking && (
        <SignDialog
          title={item.title}
          onSave={(v) => post('sign', v, t('已签名', 'Signed'))}
          onClose={() => setAsking(false)}
        />
      )}
    </Space>
  );
}
