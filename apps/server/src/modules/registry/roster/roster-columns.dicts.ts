// The roster workbook (.xlsx) users bring: four sheets, Chinese column titles. Any sheet may be left out.
// Units and cadres are referred to across sheets by unit name (or “#编号” for an existing unit) and 身份证号.
import { makeIdCard } from '../id-card/index.js';

export const SHEETS = {
  orgs: { name: '单位', columns: ['单位名称', '上级单位', '层级', '单位类型', '行政区划代码'] },
  cadres: {
    name: '干部',
    columns: ['姓名', '身份证号', '政治面貌', '入党时间', '民族', '籍贯代码', '成长地代码', '档案管理单位'],
  },
  posts: {
    name: '任职',
    columns: ['身份证号', '任职单位', '职务', '职务类别', '职级', '是否一把手', '任职时间', '免职时间', '任职文号'],
  },
  relations: { name: '亲属关系', columns: ['身份证号', '亲属身份证号', '关系', '代数'] },
} as const;
export type SheetKey = keyof typeof SHEETS;

export const REQUIRED: Record<SheetKey, readonly string[]> = {
  orgs: ['单位名称', '上级单位', '层级', '单位类型'],
  cadres: ['姓名', '身份证号', '政治面貌', '档案管理单位'],
  posts: ['身份证号', '任职单位', '职务', '职务类别', '职级', '任职时间'],
  relations: ['身份证号', '亲属身份证号', '关系'],
};

const A = makeIdCard('339802', '1980-01-01', 1);
const B = makeIdCard('339802', '1982-03-03', 2);

/** Example rows per sheet, for the template: they pass the dry run as they are (under a unit named 明湖区). */
export const EXAMPLES: Record<SheetKey, Array<Array<string | number>>> = {
  orgs: [['明湖区示例办公室', '明湖区', '县区', '政府部门', '339802']],
  cadres: [
    ['张三', A, '中共党员', '2001-07-01', '汉族', '339802', '339802', '明湖区示例办公室'],
    ['李四', B, '群众', '', '汉族', '339802', '339802', '明湖区示例办公室'],
  ],
  posts: [[A, '明湖区示例办公室', '主任', '行政主要负责人', '正科', '是', '2021-03-01', '', '明组〔2021〕5号']],
  relations: [[A, B, '配偶', '']],
};
