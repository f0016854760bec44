// Choose a unit in scope from the tree, loading children as they are opened.
import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { get } from '../api';
import { useI18n } from '../i18n';

interface Org { id: number; parentId: number | null; name: string; hasChildren?: boolean }
interface Node { id: number; pId: number | null; value: number; title: string; isLeaf: boolean }

export function OrgPicker({ value, onChange, width = 280 }: { value?: number; onChange(id: number | undefined): void; width?: number }) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);
  const add = (items: Org[], parent: number | null) => setNodes((old) => [...old, ...items.filter((o) => !old.some((n) => n.id === o.id))
    .map((o) => ({ id: o.id, pId: parent, value: o.id, title: o.name, isLeaf: !o.hasChildren }))]);
  useEffect(() => { get<{ items: Org[] }>('/api/v1/orgs').then((r) => add(r.items, null)); }, []);
  return (
    <TreeSelect treeDataSimpleMode style={{ width }} value={value} allowClear showSearch treeNodeFilterProp="title" listHeight={400} placeholder={t('选择单位', 'Choose a unit')}
      treeData={nodes} onChange={(v) => onChange(v as number | undefined)} data-testid="org-picker"
      loadData={async (n) => { add((await get<{ items: Org[] }>(`/api/v1/orgs?parentId=${n.value}`)).items, n.value as number); }} />
  );
}
