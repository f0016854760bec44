// Every page of the signed-in app, once (issue 12 §6): its address, what it needs (permissions, an account linked to
// a cadre) and, for pages in the menu, its icon and label. App.tsx draws the menu and the routes from this table;
// the server refuses whatever the menu shows.
import {
  AlertOutlined,
  ApartmentOutlined,
  ClockCircleOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  ThunderboltOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  MailOutlined,
  MessageOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  UserOutlined,
  LoginOutlined,
  WifiOutlined,
  HistoryOutlined,
  TeamOutlined,
  IdcardOutlined,
  FileDoneOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import { OrgTreePage } from './pages/OrgTreePage';
import { CadreListPage } from './pages/CadreListPage';
import { DossierPage } from './pages/DossierPage';
import { RotationPage } from './pages/RotationPage';
import { FindingsPage } from './pages/FindingsPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { RulesPage } from './pages/RulesPage';
import { TrailPage } from './pages/TrailPage';
import { ImportPage } from './pages/ImportPage';
import { ReportListPage } from './pages/reports/ReportListPage';
import { ReportPage } from './pages/reports/ReportPage';
import { ClueLedgerPage } from './pages/reports/ClueLedgerPage';
import { CluePage } from './pages/reports/CluePage';
import { MyLettersPage } from './pages/reports/MyLettersPage';
import { QueuePage } from './pages/reports/QueuePage';
import { MyDutiesPage } from './pages/talks/MyDutiesPage';
import { TalksPage } from './pages/talks/TalksPage';
import { CompliancePage } from './pages/talks/CompliancePage';
import { ActivitiesPage } from './pages/talks/ActivitiesPage';
import { ResponsibilitiesPage } from './pages/talks/ResponsibilitiesPage';
import { AccountsPage } from './pages/admin/AccountsPage';
import { LoginLogPage, SessionsPage } from './pages/admin/LoginLogPage';
import { JobsPage } from './pages/admin/JobsPage';
import { MeetingsPage } from './pages/decisions/MeetingsPage';
import { MeetingPage } from './pages/decisions/MeetingPage';
import { EmergenciesPage } from './pages/decisions/EmergenciesPage';
import { ReviewsPage } from './pages/decisions/ReviewsPage';
import { InterferencePage } from './pages/decisions/InterferencePage';
import { QuarterReportsPage } from './pages/decisions/QuarterReportsPage';
import { ExpensesPage } from './pages/decisions/ExpensesPage';
import { MyPersonalPage } from './pages/personal/MyPersonalPage';
import { PersonalDutiesPage } from './pages/personal/PersonalDutiesPage';

// ECharts is large and only the dashboard and the analysis draw charts: it loads with those pages, not with the login.
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const AnalysisPage = lazy(() => import('./pages/reports/AnalysisPage').then((m) => ({ default: m.AnalysisPage })));

export interface PageDef {
  path: string;
  element: ReactNode;
  /** Every one of these permissions. */
  perms?: string[];
  /** Only for an account linked to a cadre (my duties, my letters). */
  needsCadre?: boolean;
  /** In the menu, in this table's order. `onlyWithLetters`: shown once a letter names the account's cadre. */
  menu?: { icon: ReactNode; label: [zh: string, en: string]; onlyWithLetters?: boolean };
}

export const PAGES: PageDef[] = [
  {
    path: '/',
    element: <HomePage />,
    perms: ['cadres.read'],
    menu: { icon: <DashboardOutlined />, label: ['工作台', 'Dashboard'] },
  },
  {
    path: '/orgs',
    element: <OrgTreePage />,
    perms: ['orgs.read'],
    menu: { icon: <ApartmentOutlined />, label: ['组织机构', 'Units'] },
  },
  { path: '/orgs/:id', element: <OrgTreePage />, perms: ['orgs.read'] },
  {
    path: '/cadres',
    element: <CadreListPage />,
    perms: ['cadres.read'],
    menu: { icon: <TeamOutlined />, label: ['干部档案', 'Cadres'] },
  },
  { path: '/cadres/:id', element: <DossierPage />, perms: ['cadres.read'] },
  {
    path: '/rotation',
    element: <RotationPage />,
    perms: ['cadres.read'],
    menu: { icon: <FieldTimeOutlined />, label: ['轮岗交流', 'Rotation due'] },
  },
  {
    path: '/findings',
    element: <FindingsPage />,
    perms: ['cadres.read'],
    menu: { icon: <AlertOutlined />, label: ['预警发现', 'Findings'] },
  },
  {
    path: '/deadlines',
    element: <DeadlinesPage />,
    perms: ['cadres.read'],
    menu: { icon: <ClockCircleOutlined />, label: ['在办时限', 'Open deadlines'] },
  },
  {
    path: '/import',
    element: <ImportPage />,
    perms: ['cadres.write', 'orgs.write'],
    menu: { icon: <CloudUploadOutlined />, label: ['名册导入', 'Roster import'] },
  },
  {
    path: '/reports',
    element: <ReportListPage />,
    perms: ['reports.read'],
    menu: { icon: <FileSearchOutlined />, label: ['信访举报', 'Reports'] },
  },
  {
    path: '/clues',
    element: <ClueLedgerPage />,
    perms: ['clues.read'],
    menu: { icon: <ProfileOutlined />, label: ['问题线索台账', 'Clue ledger'] },
  },
  {
    path: '/reports/analysis',
    element: <AnalysisPage />,
    perms: ['reports.read'],
    menu: { icon: <BarChartOutlined />, label: ['举报分析', 'Report analysis'] },
  },
  { path: '/reports/queues/:queue', element: <QueuePage />, perms: ['reports.read'] },
  { path: '/reports/:id', element: <ReportPage />, perms: ['reports.read'] },
  { path: '/clues/:id', element: <CluePage />, perms: ['clues.read'] },
  {
    path: '/meetings',
    element: <MeetingsPage />,
    perms: ['decisions.read'],
    menu: { icon: <BankOutlined />, label: ['会议记录', 'Meetings'] },
  },
  { path: '/meetings/:id', element: <MeetingPage />, perms: ['decisions.read'] },
  {
    path: '/emergency-decisions',
    element: <EmergenciesPage />,
    perms: ['decisions.read'],
    menu: { icon: <ThunderboltOutlined />, label: ['临时决策', 'Emergency decisions'] },
  },
  {
    path: '/result-reviews',
    element: <ReviewsPage />,
    perms: ['decisions.read'],
    menu: { icon: <CarryOutOutlined />, label: ['结果查究', 'Result reviews'] },
  },
  {
    path: '/interference',
    element: <InterferencePage />,
    perms: ['interference.record'],
    menu: { icon: <AlertOutlined />, label: ['插手干预记录', 'Interference records'] },
  },
  {
    path: '/interference/reports',
    element: <QuarterReportsPage />,
    perms: ['decisions.read'],
    menu: { icon: <ScheduleOutlined />, label: ['干预季度报告', 'Quarterly reports'] },
  },
  {
    path: '/expenses',
    element: <ExpensesPage />,
    perms: ['decisions.read'],
    menu: { icon: <AuditOutlined />, label: ['大额支出会签', 'Joint signatures'] },
  },
  {
    path: '/talks',
    element: <TalksPage />,
    perms: ['talks.read'],
    menu: { icon: <MessageOutlined />, label: ['谈话记录', 'Talks'] },
  },
  {
    path: '/talks/activities',
    element: <ActivitiesPage />,
    perms: ['talks.read'],
    menu: { icon: <CarryOutOutlined />, label: ['监督工作', 'Supervision work'] },
  },
  {
    path: '/talks/compliance',
    element: <CompliancePage />,
    perms: ['talks.read'],
    menu: { icon: <SolutionOutlined />, label: ['履责情况', 'Compliance'] },
  },
  {
    path: '/talks/responsibilities',
    element: <ResponsibilitiesPage />,
    perms: ['talks.read'],
    menu: { icon: <OrderedListOutlined />, label: ['责任清单', 'Task lists'] },
  },
  {
    path: '/my/duties',
    element: <MyDutiesPage />,
    needsCadre: true,
    menu: { icon: <ScheduleOutlined />, label: ['我的监督责任', 'My duties'] },
  },
  {
    path: '/my/personal',
    element: <MyPersonalPage />,
    needsCadre: true,
    perms: ['personal.file'],
    menu: { icon: <IdcardOutlined />, label: ['我的个人事项', 'My personal matters'] },
  },
  {
    path: '/personal/duties',
    element: <PersonalDutiesPage />,
    perms: ['personal.manage'],
    menu: { icon: <FileDoneOutlined />, label: ['个人事项管理', 'Personal matters'] },
  },
  {
    path: '/my/letters',
    element: <MyLettersPage />,
    needsCadre: true,
    menu: { icon: <MailOutlined />, label: ['我的函询', 'My letters'], onlyWithLetters: true },
  },
  {
    path: '/rules',
    element: <RulesPage />,
    perms: ['rules.read'],
    menu: { icon: <SettingOutlined />, label: ['规则设置', 'Rule settings'] },
  },
  {
    path: '/trail',
    element: <TrailPage />,
    perms: ['trail.read'],
    menu: { icon: <AuditOutlined />, label: ['操作留痕', 'Trail'] },
  },
  {
    path: '/admin/accounts',
    element: <AccountsPage />,
    perms: ['accounts.manage'],
    menu: { icon: <UserOutlined />, label: ['用户管理', 'Accounts'] },
  },
  {
    path: '/admin/login-log',
    element: <LoginLogPage />,
    perms: ['accounts.manage'],
    menu: { icon: <LoginOutlined />, label: ['登录日志', 'Login log'] },
  },
  {
    path: '/admin/sessions',
    element: <SessionsPage />,
    perms: ['accounts.manage'],
    menu: { icon: <WifiOutlined />, label: ['在线用户', 'Open sessions'] },
  },
  {
    path: '/admin/jobs',
    element: <JobsPage />,
    perms: ['jobs.manage'],
    menu: { icon: <HistoryOutlined />, label: ['定时任务', 'Scheduled jobs'] },
  },
];
