// Intake channels of a report (M-10), with their labels [中文, English]. No imports: the web app shares it.
export const CHANNELS = {
  web: ['网络举报', 'Website'],
  phone_12380: ['12380 电话', '12380 phone'],
  letter: ['来信', 'Letter'],
  visit: ['来访', 'Visit'],
  sms: ['短信', 'SMS'],
  mailbox: ['检举控告免费邮', 'Free-post mailbox'],
  box: ['举报箱', 'Reporting box'],
  monitor: ['干部监督信息员', 'Volunteer monitor'],
  inspection: ['巡察反馈', 'Inspection finding'],
  audit: ['审计发现', 'Audit finding'],
  joint_meeting: ['联席会议移送', 'Joint-meeting transfer'],
  media: ['舆情', 'Media / public opinion'],
} as const;
export type Channel = keyof typeof CHANNELS;
