// Choose a unit in scope from the tree, loading children as they are opened. With `rootId` the tree starts at that
// unit's children (交办/转办 go to units under the competent unit). Typing a name searches the subtree three levels
// down (GET /orgs/:id/tree?depth=3, loaded once on the first keystroke), not only the levels opened so far. A value
// outside the loaded tree shows its name. `multiple` chooses several units (a custom data scope, code 2: those units
// only).
import { useEffect, useRef, useState } from 'react';
import { TreeSelect } from 'antd';
import { get, qs } from '../api';
import { useI18n } from '../i18n';
import type { Org, OrgTreeNode as TreeOrg } from '@api';

interface Node {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
}

const SEARCH_DEPTH = 3;

type OrgPickerProps = {
  width?: number | string;
  rootId?: number;
  testId?: string;
} & (
  | { multiple?: false; value?: number; onChange?(id: number | undefined): void }
  | { multiple: true; value?: number[]; onChange?(ids: number[]): void }
);

export function OrgPicker(props: OrgPickerProps) {
  const { value, width = 280, rootId, testId = 'org-picker', multiple = false } = props;
  const { t } = useI18n();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [searching, setSearching] = useState(false);
  const [search, setSearch] = useState('');
  const searched = useRef(false);
  // A unit chosen elsewhere (a drill-down, a preset) may not be loaded in the tree yet: its name is fetched for display.
  const [names, setNames] = useState<Record<number, string>>({});
  const ids = value == null ? [] : Array.isArray(value) ? value : [value];
  useEffect(() => {
    for (const id of ids) {
      if (names[id] || nodes.some((n) => n.id === id)) continue;
      get<Org>(`/api/v1/orgs/${id}`)
        .then((o) => setNames((m) => ({ ...m, [o.id]: o.name })))
        .catch(() => {});
    }
  }, [ids.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const labelOf = (id: number) => nodes.find((n) => n.id === id)?.title ?? names[id] ?? t('（加载中）', '(loading)');
  const selected = multiple
    ? ids.map((id) => ({ value: id, label: labelOf(id) }))
    : ids.length
      ? { value: ids[0], label: labelOf(ids[0]) }
      : undefined;
  type Picked = { value: number; label?: string };
  // Under a root, its children are the top of the picker (pId null); deeper units hang from their parent.
  const top = (parent: number | null) => (parent === rootId ? null : parent);
  const add = (items: Org[], parent: number | null) =>
    setNodes((old) => [
      ...old,
      ...items
        .filter((o) => !old.some((n) => n.id === o.id))
        .map((o) => ({ id: o.id, pId: top(parent), value: o.id, title: o.name, isLeaf: !o.hasChildren })),
    ]);
  useEffect(() => {
    setNodes([]);
    searched.current = false;
    get<{ items: Org[] }>(`/api/v1/orgs${qs({ parentId: rootId })}`)
      .then((r) => add(r.items, rootId ?? null))
      .catch(() => {});
  }, [rootId]); // eslint-disable-line react-hooks/exhaustive-deps

  const searchSubtree = async (text: string) => {
    if (!text.trim() || searched.current) return;
    searched.current = true;
    setSearching(true);
    try {
      // Without a root: the subtrees of the caller's top units (usually one).
      const roots = rootId ? [rootId] : nodes.filter((n) => n.pId === null).map((n) => n.id);
      const trees = await Promise.all(
        roots.map((id) => get<TreeOrg>(`/api/v1/orgs/${id}/tree${qs({ depth: SEARCH_DEPTH })}`)),
      );
      const flat: Array<[Org, number]> = [];
      const walk = (n: TreeOrg) =>
        n.children.forEach((c) => {
          flat.push([c, n.id]);
          walk(c);
        });
      trees.forEach(walk);
      setNodes((old) => [
        ...old,
        ...flat
          .filter(([o]) => !old.some((n) => n.id === o.id))
          .map(([o, parent]) => ({ id: o.id, pId: top(parent), value: o.id, title: o.name, isLeaf: !o.hasChildren })),
      ]);
    } catch {
      searched.current = false;
    } finally {
      setSearching(false);
    }
  };

  // While searching, every loaded unit is open so a match found deeper down shows with its parents (the select
  // expands matches only for the units it had when the text changed, not for the subtree that arrives after).
  return (
    <TreeSelect
      treeDataSimpleMode
      style={{ width }}
      labelInValue
      multiple={multiple}
      value={selected}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      listHeight={400}
      placeholder={t('选择单位（可输入名称搜索）', 'Choose a unit (type to search)')}
      treeData={nodes}
      onChange={(v?: Picked | Picked[]) => {
        setSearch('');
        if (props.multiple) props.onChange?.(Array.isArray(v) ? v.map((p) => p.value) : []);
        else props.onChange?.((v as Picked | undefined)?.value);
      }}
      data-testid={testId}
      searchValue={search}
      onSearch={(s) => {
        setSearch(s);
        void searchSubtree(s);
      }}
      onOpenChange={(o) => {
        if (!o) setSearch('');
      }}
      treeExpandedKeys={search.trim() ? nodes.map((n) => n.id) : undefined}
      notFoundContent={searching ? t('正在搜索…', 'Searching…') : t('没有匹配的单位', 'No matching unit')}
      loadData={async (n) => {
        add((await get<{ items: Org[] }>(`/api/v1/orgs?parentId=${n.value}`)).items, n.value as number);
      }}
    />
  );
}
