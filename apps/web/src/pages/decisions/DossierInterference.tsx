// The dossier's interference records (issue 14 §8, M-37): the records naming this cadre as the leader who asked, or
// as the asker — shown to the discipline commission only (the server refuses everyone else; the card is not drawn).
import { Card, Table, Tag } from 'antd';
import { DEFAULT_PAGE_SIZE, type InterferenceRow, type Page } from '@api';
import { useState } from 'react';
import { get, qs } from '../../api';
import { errorText, useI18n } from '../../i18n';
import { useLoad } from '../../components/useLoad';

export function DossierInterference({ cadreId }: { cadreId: number }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const name = (l: readonly [string, string]) => (lang === 'en' ? l[1] : l[0]);
  const list = useLoad(
    () =>
      get<Page<InterferenceRow>>(
        `/api/v1/cadres/${cadreId}/interference-records${qs({ page, pageSize: DEFAULT_PAGE_SIZE })}`,
      ),
    [cadreId, page],
  );
  return (
    <Card
      size="small"
      data-testid="dossier-interference"
      title={t(
        `插手干预记录（${list.data?.total ?? 0}，仅纪委监委可见）`,
        `Interference records (${list.data?.total ?? 0}; discipline commission only)`,
      )}
    >
      <Table<InterferenceRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.error ? errorText(list.error, lang) : t('暂无记录', 'None') }}
        pagination={{ current: page, pageSize: DEFAULT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        expandable={{ expandedRowRender: (r) => `${t('请托内容', 'Asked')}：${r.request}` }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'askedOn', width: 110 },
          { title: t('单位', 'Unit'), dataIndex: 'orgName' },
          { title: t('受请托人', 'Asked'), dataIndex: 'askedName' },
          {
            title: t('请托人', 'Asker'),
            render: (_: unknown, r) => `${r.asker.name}（${name(r.askerRelationLabel)}）`,
          },
          { title: t('事项', 'Area'), width: 110, render: (_: unknown, r) => name(r.areaLabel) },
          { title: t('内容', 'Matter'), dataIndex: 'matter' },
          {
            title: t('处理', 'Handling'),
            render: (_: unknown, r) => (
              <>
                {name(r.handlingLabel)}
                {r.unrecorded && <Tag color="red">{t('未如实记录', 'Found unrecorded')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
