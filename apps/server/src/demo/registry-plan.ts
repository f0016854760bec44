// The shape of the demo city 示例市 and of the province-scale bench: which units exist and who leads them.
// Names follow real city and county naming; the region codes are fictitious (prefecture 98 of province 33).
export interface LeaderSpec {
  title: string;
  postKind: string;
  rank: string;
  principal: boolean;
  teamRole: string;
  /** Age range at the reference date. */
  age: [number, number];
}

export interface UnitTemplate {
  name: string;
  unitType: string;
  leaders: LeaderSpec[];
  /** Middle managers and staff without a team seat. */
  staff?: number;
}

const L = (
  title: string,
  postKind: string,
  rank: string,
  teamRole: string,
  principal = false,
  age: [number, number] = [36, 56],
): LeaderSpec => ({ title, postKind, rank, principal, teamRole, age });

/** A department's team one level below `rank` of its committee (city: 正处 heads; county: 正科 heads). */
export function departmentTeam(head: string, full: string, deputy: string, deputies = 3): LeaderSpec[] {
  return [
    L(`党组书记、${head}`, 'party_secretary', full, 'secretary', true, [42, 57]),
    ...Array.from({ length: deputies }, (_, i) => L(`副${head}`, 'deputy_head', deputy, 'deputy', false, [35 + i, 55])),
    L('派驻纪检监察组组长', 'discipline_secretary', deputy, 'member', false, [38, 55]),
  ];
}

export function committeeTeam(place: string, full: string, deputy: string, headTitle: string): LeaderSpec[] {
  return [
    L(`${place}委书记`, 'party_secretary', full, 'secretary', true, [45, 57]),
    L(`${place}委副书记、${headTitle}`, 'admin_head', full, 'deputy_secretary', false, [43, 56]),
    L(`${place}委专职副书记`, 'deputy_secretary', deputy, 'deputy_secretary', false, [40, 55]),
    L(`${place}委常委、纪委书记`, 'discipline_secretary', deputy, 'member', false, [40, 55]),
    L(`${place}委常委、组织部部长`, 'org_head', deputy, 'member', false, [40, 55]),
    L(`${place}委常委、宣传部部长`, 'team_member', deputy, 'member', false, [40, 55]),
    L(`${place}委常委、常务副${headTitle.replace(/长$/, '')}长`, 'deputy_head', deputy, 'deputy', false, [40, 55]),
    L(`${place}委常委、政法委书记`, 'team_member', deputy, 'member', false, [40, 55]),
    L(`副${headTitle}`, 'deputy_head', deputy, 'deputy', false, [38, 55]),
  ];
}

export function townshipTeam(kind: '镇' | '街道'): LeaderSpec[] {
  const head = kind === '镇' ? '镇长' : '街道办事处主任';
  return [
    L('党（工）委书记', 'party_secretary', 'sec_full', 'secretary', true, [38, 55]),
    L(`党（工）委副书记、${head}`, 'admin_head', 'sec_full', 'head', true, [35, 52]),
    L('党（工）委副书记', 'deputy_secretary', 'sec_deputy', 'deputy_secretary', false, [33, 50]),
    L('纪（工）委书记', 'discipline_secretary', 'sec_deputy', 'member', false, [33, 50]),
    L(`副${head.replace('街道办事处', '')}`, 'deputy_head', 'sec_deputy', 'deputy', false, [30, 50]),
    L('组织委员', 'org_head', 'sec_deputy', 'member', false, [30, 50]),
  ];
}

export const villageTeam = (kind: '村' | '社区'): LeaderSpec[] => [
  L(
    `${kind}党组织书记、${kind === '村' ? '村委会' : '居委会'}主任`,
    'party_secretary',
    'staff',
    'secretary',
    true,
    [38, 60],
  ),
  L(`${kind}党组织副书记`, 'deputy_secretary', 'staff', 'deputy_secretary', false, [30, 55]),
];

export const soeTeam: LeaderSpec[] = [
  L('党委书记、董事长', 'party_secretary', 'div_full', 'secretary', true, [45, 57]),
  L('党委副书记、总经理', 'admin_head', 'div_full', 'head', true, [42, 56]),
  L('党委委员、副总经理', 'deputy_head', 'div_deputy', 'deputy', false, [38, 55]),
  L('党委委员、财务总监', 'deputy_head', 'div_deputy', 'deputy', false, [38, 55]),
  L('纪委书记', 'discipline_secretary', 'div_deputy', 'member', false, [40, 55]),
];

/** City departments: name, head title, unit type. */
export const CITY_DEPARTMENTS: Array<[string, string, string]> = [
  ['市委办公室', '主任', 'party_department'],
  ['市委组织部', '部长', 'party_department'],
  ['市纪委监委', '书记', 'party_department'],
  ['市委宣传部', '部长', 'party_department'],
  ['市委政法委', '书记', 'party_department'],
  ['市政府办公室', '主任', 'gov_department'],
  ['市发展和改革委员会', '主任', 'gov_department'],
  ['市工业和信息化局', '局长', 'gov_department'],
  ['市财政局', '局长', 'gov_department'],
  ['市住房和城乡建设局', '局长', 'gov_department'],
  ['市自然资源和规划局', '局长', 'gov_department'],
  ['市交通运输局', '局长', 'gov_department'],
  ['市教育局', '局长', 'gov_department'],
  ['市卫生健康委员会', '主任', 'gov_department'],
  ['市审计局', '局长', 'gov_department'],
  ['市市场监督管理局', '局长', 'gov_department'],
  ['市公安局', '局长', 'gov_department'],
  ['市生态环境局', '局长', 'gov_department'],
  ['市农业农村局', '局长', 'gov_department'],
  ['市商务局', '局长', 'gov_department'],
  ['市民政局', '局长', 'gov_department'],
  ['市人力资源和社会保障局', '局长', 'gov_department'],
  ['市信访局', '局长', 'gov_department'],
  ['市中级人民法院', '院长', 'court'],
  ['市人民检察院', '检察长', 'procuratorate'],
];

export const CITY_SOES = [
  '城市建设投资集团有限公司',
  '交通投资集团有限公司',
  '水务集团有限公司',
  '国有资本运营有限公司',
];
export const CITY_INSTITUTIONS: Array<[string, string]> = [
  ['第一人民医院', '院长'],
  ['职业技术学院', '院长'],
  ['广播电视台', '台长'],
];

/** County departments (the prefix 区/县/市 is added per county). */
export const COUNTY_DEPARTMENTS: Array<[string, string, string]> = [
  ['委办公室', '主任', 'party_department'],
  ['委组织部', '部长', 'party_department'],
  ['纪委监委', '书记', 'party_department'],
  ['委宣传部', '部长', 'party_department'],
  ['政府办公室', '主任', 'gov_department'],
  ['发展和改革局', '局长', 'gov_department'],
  ['财政局', '局长', 'gov_department'],
  ['住房和城乡建设局', '局长', 'gov_department'],
  ['自然资源局', '局长', 'gov_department'],
  ['交通运输局', '局长', 'gov_department'],
  ['教育局', '局长', 'gov_department'],
  ['卫生健康局', '局长', 'gov_department'],
  ['审计局', '局长', 'gov_department'],
  ['市场监督管理局', '局长', 'gov_department'],
  ['农业农村局', '局长', 'gov_department'],
  ['人民法院', '院长', 'court'],
  ['人民检察院', '检察长', 'procuratorate'],
];

export const TOWN_NAMES = [
  '城关',
  '东关',
  '西关',
  '南门',
  '北门',
  '河口',
  '桥头',
  '白沙',
  '青龙',
  '石门',
  '长安',
  '永安',
  '新村',
  '太平',
  '和平',
  '兴隆',
  '金山',
  '黄土',
  '柳林',
  '杨庄',
  '枫林',
  '松溪',
  '梅岭',
  '桃源',
  '凤凰',
  '龙泉',
  '双河',
  '三江',
  '五里',
  '马鞍',
];
export const VILLAGE_NAMES = [
  '东升',
  '红星',
  '前进',
  '光明',
  '胜利',
  '向阳',
  '新华',
  '建设',
  '团结',
  '幸福',
  '丰收',
  '民主',
  '联合',
  '友谊',
  '繁荣',
  '长青',
  '金星',
  '望江',
  '龙湾',
  '柳湾',
  '杏花',
  '荷塘',
  '竹园',
  '南岗',
];

/** Portfolio areas a deputy may hold; the first five are the areas a principal must not oversee (M-04). */
export const DEPUTY_AREAS = [
  'personnel',
  'finance',
  'construction',
  'approval',
  'procurement',
  'economy',
  'agriculture',
  'industry',
  'education',
  'health',
  'transport',
  'environment',
  'safety',
  'petition',
  'civil_affairs',
  'urban',
  'culture',
  'publicity',
];
