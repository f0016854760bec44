// Region codes for the first six digits of a 居民身份证号 (GB 11643 → GB/T 2260).
//
// We only ship the 34 provincial-level codes. Checking the full county-level code
// (digits 1–6) would need the complete GB/T 2260 dictionary — including codes that
// were retired after people were born, since an ID number keeps its original code
// for life — and we do not ship that dictionary yet. Validation is therefore:
// province known + prefecture digits not "00" (see checkRegionCode in id-card.rules.ts).

export interface Province {
  readonly code: string; // 2 digits
  readonly name: string;
}

export const PROVINCES: readonly Province[] = [
  { code: '11', name: '北京市' },
  { code: '12', name: '天津市' },
  { code: '13', name: '河北省' },
  { code: '14', name: '山西省' },
  { code: '15', name: '内蒙古自治区' },
  { code: '21', name: '辽宁省' },
  { code: '22', name: '吉林省' },
  { code: '23', name: '黑龙江省' },
  { code: '31', name: '上海市' },
  { code: '32', name: '江苏省' },
  { code: '33', name: '浙江省' },
  { code: '34', name: '安徽省' },
  { code: '35', name: '福建省' },
  { code: '36', name: '江西省' },
  { code: '37', name: '山东省' },
  { code: '41', name: '河南省' },
  { code: '42', name: '湖北省' },
  { code: '43', name: '湖南省' },
  { code: '44', name: '广东省' },
  { code: '45', name: '广西壮族自治区' },
  { code: '46', name: '海南省' },
  { code: '50', name: '重庆市' },
  { code: '51', name: '四川省' },
  { code: '52', name: '贵州省' },
  { code: '53', name: '云南省' },
  { code: '54', name: '西藏自治区' },
  { code: '61', name: '陕西省' },
  { code: '62', name: '甘肃省' },
  { code: '63', name: '青海省' },
  { code: '64', name: '宁夏回族自治区' },
  { code: '65', name: '新疆维吾尔自治区' },
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

export const PROVINCE_NAME_BY_CODE: ReadonlyMap<string, string> = new Map(PROVINCES.map((p) => [p.code, p.name]));

// ---------------------------------------------------------------------------
// Demo city 示例市 (fictitious).
//
// It must pass our validation, so it sits under a real province (33 浙江省), but
// uses prefecture code 98, which GB/T 2260 does not assign anywhere: demo ID
// numbers therefore look real yet can never coincide with a real person's region.
// Suffixes follow the GB/T 2260 convention: 0x–2x districts, 2x–8x counties,
// 8x county-level cities.
// ---------------------------------------------------------------------------

export interface DemoRegion {
  readonly code: string; // 6 digits
  readonly name: string;
  readonly level: 'prefecture' | 'district' | 'county' | 'county-city';
}

export const DEMO_PROVINCE_CODE = '33';

export const DEMO_CITY: DemoRegion = { code: '339800', name: '示例市', level: 'prefecture' };

/** County-level units of 示例市; person ID numbers use these codes. */
export const DEMO_CITY_COUNTIES: readonly DemoRegion[] = [
  { code: '339802', name: '明湖区', level: 'district' },
  { code: '339803', name: '青石区', level: 'district' },
  { code: '339804', name: '新港区', level: 'district' },
  { code: '339811', name: '高新区', level: 'district' },
  { code: '339821', name: '南塘县', level: 'county' },
  { code: '339822', name: '北岭县', level: 'county' },
  { code: '339881', name: '云溪市', level: 'county-city' },
];
