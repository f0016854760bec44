// Choose a cadre in scope by typing a name (GET /api/v1/cadres?q=…&pageSize=20); each option shows the unit so two
// people of the same name can be told apart. `initial` gives the label of a preset value before any search.
import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { get, qs } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { todayCst } from '../reports/clueDicts';
import { DEFAULT_PAGE_SIZE, type CadreRow } from '@api';

export interface Person {
  id: number;
  name: string;
}

export function CadreSelect({
  value,
  onChange,
  initial,
  disabled,
  testId,
}: {
  value?: number;
  onChange?(id: number | undefined): void;
  initial?: Person;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Array<{ value: number; label: string }>>(
    initial ? [{ value: initial.id, label: initial.name }] : [],
  );
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (initial)
      setOptions((o) =>
        o.some((x) => x.value === initial.id) ? o : [{ value: initial.id, label: initial.name }, ...o],
      );
  }, [initial]);

  const search = (text: string) => {
    clearTimeout(timer.current);
    if (!text.trim()) return;
    timer.current = setTimeout(async () => {
      setSearching(true);
      try {
        const r = await get<{ items: CadreRow[] }>(
          `/api/v1/cadres${qs({ q: text.trim(), pageSize: DEFAULT_PAGE_SIZE })}`,
        );
        setOptions(
          r.items.map((c) => ({ value: c.id, label: [c.name, c.orgName, c.currentPost].filter(Boolean).join(' · ') })),
        );
      } catch {
        setOptions([]);
      } finally {
        setSearching(false);
      }
    }, 250);
  };
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      disabled={disabled}
      loading={searching}
      placeholder={t('输入姓名搜索干部', 'Type a name to search')}
      data-testid={testId}
      style={{ width: '100%' }}
      notFoundContent={
        searching ? t('正在搜索…', 'Searching…') : t('输入姓名后显示匹配的干部', 'Type a name to see matching cadres')
      }
    />
  );
}

/**
 * What a record dialog knows of its user and its dates: the latest day allowed (today, or the end of a duty's period
 * that has passed), the earliest (the period's start), and whether a committee leader records only as themselves.
 */
export function useRecorder(preset?: { minDate?: string; maxDate?: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const today = todayCst();
  const self: Person | undefined =
    me?.cadreId != null
      ? { id: me.cadreId, name: t(`本人（${me.displayName}）`, `Me (${me.displayName})`) }
      : undefined;
  return {
    max: preset?.maxDate && preset.maxDate < today ? preset.maxDate : today,
    min: preset?.minDate,
    ownOnly: me?.role === 'committee_leader',
    self,
  };
}
