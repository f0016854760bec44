// After a rule change the server re-evaluates the subtree (issue 12 §5): within the request for a city or county,
// after the answer for a larger one. This says which, and when it finished; it asks again while one is running.
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../api';
import { useI18n } from '../i18n';
export type { Reevaluation } from '@api';
import type { Reevaluation } from '@api';
import { beijingTime } from '../time';

const load = () => get<{ items: Reevaluation[] }>('/api/v1/rules/reevaluations').then((r) => r.items);
const time = beijingTime;

/** The latest re-evaluation the caller may see; `version` changes after each save so it is asked for again. */
export function Reevaluations({ version }: { version: number }) {
  const { t } = useI18n();
  const [latest, setLatest] = useState<Reevaluation>();
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      load()
        .then((items) => {
          if (stop) return;
          setLatest(items[0]);
          if (items[0]?.state === 'running') timer = setTimeout(ask, 2000);
        })
        .catch(() => {});
    if (version > 0) void ask();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [version]);
  if (!latest) return null;
  const n = latest.cadres.toLocaleString();
  if (latest.state === 'running')
    return (
      <Alert
        type="info"
        showIcon
        data-testid="reevaluation"
        style={{ marginBottom: 12 }}
        message={t(
          `正在重新评估 ${n} 名干部（${latest.ruleId}），完成后列表和档案随之更新`,
          `Re-evaluating ${n} cadres (${latest.ruleId}); lists and dossiers follow when it is done`,
        )}
      />
    );
  if (latest.state === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="reevaluation"
        style={{ marginBottom: 12 }}
        message={t('重新评估未完成，请稍后重试', 'The re-evaluation did not finish; try again later')}
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      data-testid="reevaluation"
      style={{ marginBottom: 12 }}
      message={t(
        `已重新评估 ${n} 名干部（${latest.ruleId}），完成于 ${time(latest.finishedAt!)}`,
        `Re-evaluated ${n} cadres (${latest.ruleId}), finished ${time(latest.finishedAt!)}`,
      )}
    />
  );
}
