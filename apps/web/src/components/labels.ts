// Names of rule settings, evidence fields and situation codes, as a reader says them.
/** Evidence and setting names a reader understands; ids stay out of sight (the links carry them). */
export const NAMES: Record<string, [string, string]> = {
  area: ['', ''], areaLabel: ['分管领域', 'Area'], orgName: ['单位', 'Unit'], postTitle: ['职务', 'Post'], since: ['起算日', 'Since'],
  years: ['已满年数', 'Years'], today: ['评估日', 'Evaluated'], dueOn: ['到期日', 'Due on'], tag: ['岗位类别', 'Tag'], keyTag: ['岗位类别', 'Tag'],
  situation: ['情形', 'Situation'], relationKind: ['亲属关系', 'Relation'], generation: ['代数', 'Generation'], leadOrgName: ['领导的单位', 'Unit led'],
  postOrgName: ['任职单位', 'Unit of post'], work: ['工作', 'Work'], regionCode: ['任职地区划', 'Region'], growthPlaceCode: ['成长地', 'Grew up in'],
  rankLabel: ['职级', 'Rank'], rule: ['情形', 'Case'], direction: ['', ''],
  areas: ['不得直接分管的领域', 'Areas the principal may not oversee'], unitTags: ['三重单位标签', 'Unit tags'],
  collateralGenerations: ['旁系血亲回避代数', 'Collateral generations'], sensitiveWork: ['回避的工作', 'Sensitive work'],
  samePostYears: ['同一岗位（年）', 'Same post (years)'], sameSectionYears: ['同一科室正副职（年）', 'Same section (years)'],
  middleRankPostYears: ['中层连续任职（年）', 'Middle-level (years)'], keyPostYears: ['审批/人财物岗位（年）', 'Key post (years)'],
  termYears: ['每届（年）', 'Term (years)'], maxConsecutiveTerms: ['最多连任（届）', 'Max consecutive terms'],
  samePostExchangeYears: ['领导职务同一职位（年）', 'Same leading post (years)'], sameRankMaxYears: ['同一职级（年）', 'Same rank (years)'],
  forwardWorkingDays: ['转送上级（工作日）', 'Forward up (working days)'], acceptForwardedWorkingDays: ['受理转来件（工作日）', 'Accept forwarded (working days)'],
  informNamedReporterWorkingDays: ['告知实名举报人是否受理（工作日）', 'Tell named reporter (working days)'],
  informResultWorkingDays: ['告知办理结果（工作日）', 'Tell the result (working days)'], petitionDecideDays: ['信访受理决定（日）', 'Petition decision (days)'],
  petitionHandleDays: ['信访办理（日）', 'Petition handling (days)'], petitionExtensionDays: ['延期（日）', 'Extension (days)'],
  reviewRequestDays: ['申请复查（日）', 'Review request (days)'], replyWorkingDays: ['函询回复（工作日）', 'Reply (working days)'],
  dueDays: ['期限（日）', 'Due within (days)'], researchVisitsPerYear: ['每年调研（次）', 'Research visits per year'],
  lecturesPerYear: ['每年讲党课（次）', 'Party lectures per year'], talksPerHalfYear: ['每半年谈话（次）', 'Talks per half-year'],
  specialChecksPerYear: ['每年专项检查（次）', 'Special checks per year'], recordWithinDays: ['补记期限（日）', 'Record within (days)'],
  jointSignatureYuan: ['联签金额（元）', 'Joint signature above (yuan)'], spotCheckShare: ['抽查比例', 'Spot-check share'],
  mandatoryAuditYears: ['必审间隔（年）', 'Mandatory audit every (years)'], noAwardPoints: ['不得评优（分）', 'No award at (points)'],
  bonusWithheldPoints: ['扣发奖金（分）', 'Bonus withheld at (points)'], bonusWithheldShare: ['扣发比例', 'Share withheld'],
  demotionPointsOneYear: ['一年内调整（分）', 'Adjustment, one year (points)'], demotionPointsTwoYears: ['两年内调整（分）', 'Adjustment, two years (points)'],
  demotionPointsThreeYears: ['三年内调整（分）', 'Adjustment, three years (points)'], reminderBelowScore: ['提醒谈话分数线', 'Reminder below score'],
  minAttendanceShare: ['最低到会比例', 'Minimum attendance'],
  similarityThreshold: ['判为同一事项的相似度', 'Similarity for the same matter'], lookbackDays: ['比对近期举报（日）', 'Compare reports of the last (days)'],
  admonition: ['诫勉（月）', 'Admonition (months)'], circulatedCriticism: ['通报批评（月）', 'Circulated criticism (months)'],
  warning: ['党内警告（月）', 'Party warning (months)'], seriousWarning: ['党内严重警告（月）', 'Serious warning (months)'],
  postAdjustment: ['调整职务（月）', 'Post adjustment (months)'], removal: ['免职（月）', 'Removal (months)'],
  dismissalFromPartyPost: ['撤销党内职务（月）', 'Dismissal from party posts (months)'], probation: ['留党察看（月）', 'Party probation (months)'],
  concentratedMatters: ['反映集中（问题事项数）', 'Concentrated at (matters)'], periodMonths: ['统计期间（月）', 'Period (months)'],
  memberHearingsPerYear: ['每年听取班子成员汇报（次）', 'Team-member hearings per year'],
  lowerHearingsPerYear: ['每年听取下级一把手汇报（次）', 'Lower-principal hearings per year'],
  occasionLookbackDays: ['可登记多少日内发生的必谈事由', 'Occasions recordable within (days)'],
  summonsDueDays: ['履责不到位的约谈期限（日）', 'Summons after a failing hearing within (days)'],
};

/** M-21: each occasion has a talk kind and the days within which the talk is due (0: the occasion opens no talk). */
const OCCASION_NAMES: Record<string, [string, string]> = {
  promotion: ['提拔重用', 'Promotion'], commendation: ['取得突出成绩、得到表彰', 'Commendation'], urgentTask: ['接受急难险重任务', 'Urgent, hard task'],
  personalMatter: ['个人报告重大事项', 'Major personal matter reported'], publicReport: ['群众有举报或有意见', 'Public report or complaint'],
  errorSigns: ['有错误苗头和倾向', 'Signs of error'], teamDisunity: ['班子不团结', 'Disunited team'], majorDifficulty: ['工作遇到重大困难', 'Major difficulty'],
  transfer: ['调整交流', 'Transfer'], integritySigns: ['有不廉洁苗头', 'Signs of non-integrity'],
};
for (const [e, [zh, en]] of Object.entries(OCCASION_NAMES)) {
  NAMES[`${e}Kind`] = [`${zh}：谈话种类`, `${en}: talk kind`];
  NAMES[`${e}DueDays`] = [`${zh}：谈话期限（日，0 为不谈）`, `${en}: due within (days; 0 = no talk)`];
}
export const CODES: Record<string, [string, string]> = {
  leading_post: ['领导职务同一职位', 'Same leading post'], same_post: ['同一岗位', 'Same post'], same_section: ['同一科室正副职', 'Same section'],
  middle_level: ['中层连续任职', 'Middle-level posts'], key_post: ['审批/人财物岗位', 'Key post'], coming_due: ['即将到期', 'Coming due'],
  same_rank: ['同一职级', 'Same rank'], same_team: ['同一班子', 'Same team'], direct_line: ['直接上下级', 'Direct line'],
  sensitive_work: ['在对方任一把手的单位从事回避工作', 'Sensitive work'], home_area: ['成长地回避', 'Home area'],
};
export const shown = (k: string) => !/Id$/.test(k) && NAMES[k]?.[0] !== '';


/** Trail actions as a reader says them; the filter offers these, and a prefix (“cadre”) matches a whole family. */
export const ACTIONS: Record<string, [string, string]> = {
  auth: ['登录与退出（全部）', 'Sign-in (all)'], 'auth.login': ['登录', 'Log in'], 'auth.login_failed': ['登录失败', 'Failed login'], 'auth.logout': ['退出', 'Log out'],
  cadre: ['干部档案（全部）', 'Cadre records (all)'], 'cadre.read': ['查看干部档案', 'Read a dossier'], 'cadre.search': ['查询干部', 'Search cadres'],
  'cadre.timeline_read': ['查看档案时间线', 'Read a timeline'], 'cadre.create': ['新建干部', 'Create cadre'], 'cadre.update': ['修改干部', 'Update cadre'],
  'cadre.export': ['导出干部列表', 'Export cadres'], 'cadre.dossier_export': ['导出年度档案', 'Export a dossier'],
  'cadre.duplicate_id_card': ['重复身份证号', 'Duplicate ID number'], 'post.create': ['任职', 'Appoint'], 'post.end': ['免职', 'End post'],
  team: ['领导班子（全部）', 'Teams (all)'], 'relation.create': ['登记亲属关系', 'Add relation'], 'relation.delete': ['撤销亲属关系', 'Remove relation'],
  org: ['组织机构（全部）', 'Units (all)'], 'roster.import': ['名册导入', 'Roster import'], rule: ['规则设置（全部）', 'Rule settings (all)'],
  'flags.sweep': ['规则评估', 'Rules evaluated'], 'flags.export': ['导出预警名单', 'Export a flag list'], 'scope.denied': ['越权访问被拒', 'Out of scope, refused'],
  report: ['信访举报（全部）', 'Reports (all)'], 'report.reveal_reporter': ['查看举报人信息', 'Reporter revealed'],
  'report.receive': ['收到举报', 'Report received'], 'report.read': ['查看举报件', 'Read a report'], 'report.reply': ['答复举报人', 'Reply to reporter'],
  'report.addition': ['举报人补充材料', 'Reporter added information'], 'report.accept': ['转为问题线索', 'Accepted as a clue'], 'report.decline': ['不予受理', 'Declined'],
  'report.related_proposed': ['提示关联举报', 'Related report proposed'], 'report.related_confirmed': ['确认关联举报', 'Related report confirmed'],
  'report.related_rejected': ['否定关联举报', 'Related report rejected'], 'report.attachment_add': ['上传附件', 'Attachment added'],
  'report.attachment_read': ['下载附件', 'Attachment downloaded'],
  clue: ['问题线索（全部）', 'Clues (all)'], 'clue.read': ['查看问题线索', 'Read a clue'], 'clue.propose': ['提出处置意见', 'Disposal proposed'],
  'clue.approve': ['审批处置意见', 'Disposal approved'], 'clue.return': ['退回处置意见', 'Proposal returned'], 'clue.escalate': ['转初步核实', 'Moved to verification'],
  'clue.conclude': ['线索办结', 'Clue concluded'], letter: ['函询（全部）', 'Letters (all)'], 'letter.issue': ['发出函询', 'Letter issued'],
  'letter.read': ['查看函询', 'Letter read'], 'letter.reply': ['函询回复', 'Letter answered'], 'letter.countersign': ['主要负责人签署意见', 'Countersigned'],
  'letter.accept': ['采信函询回复', 'Reply accepted'], 'letter.verify': ['函询转初核', 'Reply not accepted'], 'letter.export': ['下载函询通知书', 'Letter printed'],
  'deadline.extend': ['延长办理期限', 'Deadline extended'],
  trail: ['留痕（全部）', 'Trail (all)'], 'trail.read': ['查看留痕', 'Read the trail'], 'trail.verify': ['校验留痕链', 'Verify the chain'],
};
