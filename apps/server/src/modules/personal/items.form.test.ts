// The form of each item kind comes from the schemas that check it (M-40): every field and choice has a Chinese name
// (none falls back to the program's own word), and the types follow the schemas.
import { describe, expect, it } from 'vitest';
import { ITEM_KIND_NAMES } from './items.catalog.js';
import { itemForms } from './items.form.js';

describe('item forms (M-40)', () => {
  const forms = itemForms();
  it('has every kind, every field and every choice named in Chinese', () => {
    expect(forms.kinds.map((k) => k.kind)).toEqual(ITEM_KIND_NAMES);
    const unnamed = forms.kinds.flatMap((k) =>
      k.fields.flatMap((f) => [
        ...(f.label[0] === f.name ? [`${k.kind}.${f.name}`] : []),
        ...f.options.filter((o) => o.label[0] === o.value).map((o) => `${k.kind}.${f.name}=${o.value}`),
      ]),
    );
    expect(unnamed).toEqual([]);
  });
  it('gives each field the type its schema checks', () => {
    const house = forms.kinds.find((k) => k.kind === 'house')?.fields ?? [];
    expect(house.find((f) => f.name === 'sharePct')).toMatchObject({ type: 'number', max: 100, required: true });
    expect(house.find((f) => f.name === 'owner')?.options.map((o) => o.value)).toEqual([
      'self',
      'spouse',
      'child',
      'child_spouse',
    ]);
    const marriage = forms.kinds.find((k) => k.kind === 'marriage')?.fields ?? [];
    expect(marriage.find((f) => f.name === 'spouse')).toMatchObject({ type: 'text', required: false });
    const travel = forms.kinds.find((k) => k.kind === 'travel')?.fields ?? [];
    expect(travel.filter((f) => f.type === 'date').map((f) => f.name)).toEqual(['from', 'to']);
  });
});
