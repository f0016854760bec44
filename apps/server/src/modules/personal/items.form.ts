// The form of each item kind (issue 15 §1, M-40), derived from the very schemas that check a saved item, so the page
// the cadre fills in can never ask for a field the server does not take: each field's type (text, number, date or a
// choice), whether it is required, and its names in Chinese and English.
import { z } from 'zod';
import { ITEM_KINDS, ITEM_KIND_NAMES } from './items.catalog.js';
import { EVENT_KINDS, ITEM_FIELD_LABELS, ITEM_VALUE_LABELS } from './items.labels.js';

type Prop = { type?: string; format?: string; enum?: string[]; maxLength?: number; maximum?: number };
const pair = (l: readonly [string, string] | undefined, fallback: string): [string, string] =>
  l ? [l[0], l[1]] : [fallback, fallback];

const fieldType = (p: Prop): 'choice' | 'number' | 'date' | 'text' =>
  p.enum ? 'choice' : p.type === 'number' ? 'number' : p.format === 'date' ? 'date' : 'text';

export function itemForms() {
  return {
    kinds: ITEM_KIND_NAMES.map((kind) => {
      const json = z.toJSONSchema(ITEM_KINDS[kind].fields, { io: 'input', unrepresentable: 'any' }) as {
        properties: Record<string, Prop>;
        required?: string[];
      };
      return {
        kind,
        label: pair(ITEM_KINDS[kind].label, kind),
        fields: Object.entries(json.properties).map(([name, p]) => ({
          name,
          label: pair(ITEM_FIELD_LABELS[name], name),
          type: fieldType(p),
          required: json.required?.includes(name) ?? false,
          max: p.maxLength ?? p.maximum ?? null,
          options: (p.enum ?? []).map((value) => ({ value, label: pair(ITEM_VALUE_LABELS[value], value) })),
        })),
      };
    }),
    eventKinds: Object.entries(EVENT_KINDS).map(([value, l]) => ({ value, label: pair(l, value) })),
  };
}
