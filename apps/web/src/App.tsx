// Layout and routes. The menu shows what the role may use; the server refuses the rest whatever the menu shows.
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
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
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { LoginPage } from './pages/LoginPage';
import { OrgTreePage } from './pages/OrgTreePage';
import { CadreListPage } from './pages/CadreListPage';
import { DossierPage } from './pages/DossierPage';
import { RotationPage } from './pages/RotationPage';
import { RulesPage } from './pages/RulesPage';
import { TrailPage } from './pages/TrailPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ImportPage } from './pages/ImportPage';
import { ForbiddenPage, NothingYetPage } from './pages/ForbiddenPage';
import { PublicReportPage } from './pages/PublicReportPage';
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
import { get } from './api';
import { NotificationBell } from './components/NotificationBell';
import type { ReactNode } from 'react';

// ECharts is large and only the dashboard draws charts: it loads with that page, not with the login.
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const AnalysisPage = lazy(() => import('./pages/reports/AnalysisPage').then((m) => ({ default: m.AnalysisPage })));

/** 我的函询 shows for cadres and committee leaders always, and for any other account linked to a cadre once a letter names it. */
function useHasLetters(cadreId: number | null | undefined, role: string | undefined) {
  const always = role === 'cadre' || role === 'committee_leader';
  const [has, setHas] = useState(false);
  useEffect(() => {
    if (cadreId == null || always) return;
    get<{ items: unknown[] }>('/api/v1/my/letters')
      .then((r) => setHas(r.items.length > 0))
      .catch(() => setHas(false));
  }, [cadreId, always]);
  return cadreId != null && (always || has);
}

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}
    >
      <AntApp>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const { me, loading, logout, can } = useSession();
  const { t, lang, setLang } = useI18n();
  const nav = useNavigate();
  const loc = useLocation();
  const letters = useHasLetters(me?.cadreId, me?.role);
  // The public reporting page needs no account, and looks the same whether or not someone is logged in.
  if (loc.pathname === '/report') return <PublicReportPage />;
  if (loading) return <Spin style={{ margin: 120, display: 'block' }} />;
  if (!me)
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );

  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('工作台', 'Dashboard'), show: can('cadres.read') },
    { key: '/orgs', icon: <ApartmentOutlined />, label: t('组织机构', 'Units'), show: can('orgs.read') },
    { key: '/cadres', icon: <TeamOutlined />, label: t('干部档案', 'Cadres'), show: can('cadres.read') },
    { key: '/rotation', icon: <FieldTimeOutlined />, label: t('轮岗交流', 'Rotation due'), show: can('cadres.read') },
    {
      key: '/import',
      icon: <CloudUploadOutlined />,
      label: t('名册导入', 'Roster import'),
      show: can('cadres.write') && can('orgs.write'),
    },
    { key: '/reports', icon: <FileSearchOutlined />, label: t('信访举报', 'Reports'), show: can('reports.read') },
    { key: '/clues', icon: <ProfileOutlined />, label: t('问题线索台账', 'Clue ledger'), show: can('clues.read') },
    {
      key: '/reports/analysis',
      icon: <BarChartOutlined />,
      label: t('举报分析', 'Report analysis'),
      show: can('reports.read'),
    },
    { key: '/talks', icon: <MessageOutlined />, label: t('谈话记录', 'Talks'), show: can('talks.read') },
    {
      key: '/talks/activities',
      icon: <CarryOutOutlined />,
      label: t('监督工作', 'Supervision work'),
      show: can('talks.read'),
    },
    {
      key: '/talks/compliance',
      icon: <SolutionOutlined />,
      label: t('履责情况', 'Compliance'),
      show: can('talks.read'),
    },
    {
      key: '/talks/responsibilities',
      icon: <OrderedListOutlined />,
      label: t('责任清单', 'Task lists'),
      show: can('talks.read'),
    },
    { key: '/my/duties', icon: <ScheduleOutlined />, label: t('我的监督责任', 'My duties'), show: me.cadreId != null },
    { key: '/my/letters', icon: <MailOutlined />, label: t('我的函询', 'My letters'), show: letters },
    { key: '/rules', icon: <SettingOutlined />, label: t('规则设置', 'Rule settings'), show: can('rules.read') },
    { key: '/trail', icon: <AuditOutlined />, label: t('操作留痕', 'Trail'), show: can('trail.read') },
  ].filter((i) => i.show);
  const selected =
    items
      .map((i) => i.key)
      .filter((k) => (k === '/' ? loc.pathname === '/' : loc.pathname.startsWith(k)))
      .at(-1) ?? '';
  const home = items[0]?.key ?? '/';
  // Pages open by URL too: a role without the permission gets a plain 无权访问 page, not an empty one.
  const only = (perms: string[], page: ReactNode) => (perms.every(can) ? page : <ForbiddenPage />);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#8e0000' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('明鉴 · 一把手监督', 'Mingjian')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space>
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
          <NotificationBell />
          <Typography.Text style={{ color: '#fff' }} data-testid="whoami">
            {me.displayName}（{me.roleLabel} · {me.scopeLabel}）
          </Typography.Text>
          <Button
            size="small"
            onClick={async () => {
              await logout();
              nav('/');
            }}
          >
            {t('退出', 'Log out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={items.map(({ key, icon, label }) => ({ key, icon, label }))}
            onClick={(e) => nav(e.key)}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, background: '#f5f5f5' }}>
          <Routes>
            <Route
              path="/"
              element={
                can('cadres.read') ? (
                  <Suspense fallback={<Spin />}>
                    <HomePage />
                  </Suspense>
                ) : items.length ? (
                  <Navigate to={home} replace />
                ) : (
                  <NothingYetPage />
                )
              }
            />
            <Route path="/orgs" element={only(['orgs.read'], <OrgTreePage />)} />
            <Route path="/orgs/:id" element={only(['orgs.read'], <OrgTreePage />)} />
            <Route path="/cadres" element={only(['cadres.read'], <CadreListPage />)} />
            <Route path="/cadres/:id" element={only(['cadres.read'], <DossierPage />)} />
            <Route path="/rotation" element={only(['cadres.read'], <RotationPage />)} />
            <Route path="/rules" element={only(['rules.read'], <RulesPage />)} />
            <Route path="/import" element={only(['cadres.write', 'orgs.write'], <ImportPage />)} />
            <Route path="/trail" element={only(['trail.read'], <TrailPage />)} />
            <Route path="/reports" element={only(['reports.read'], <ReportListPage />)} />
            <Route
              path="/reports/analysis"
              element={only(
                ['reports.read'],
                <Suspense fallback={<Spin />}>
                  <AnalysisPage />
                </Suspense>,
              )}
            />
            <Route path="/reports/queues/:queue" element={only(['reports.read'], <QueuePage />)} />
            <Route path="/reports/:id" element={only(['reports.read'], <ReportPage />)} />
            <Route path="/clues" element={only(['clues.read'], <ClueLedgerPage />)} />
            <Route path="/clues/:id" element={only(['clues.read'], <CluePage />)} />
            <Route path="/talks" element={only(['talks.read'], <TalksPage />)} />
            <Route path="/talks/compliance" element={only(['talks.read'], <CompliancePage />)} />
            <Route path="/talks/activities" element={only(['talks.read'], <ActivitiesPage />)} />
            <Route path="/talks/responsibilities" element={only(['talks.read'], <ResponsibilitiesPage />)} />
            <Route path="/my/duties" element={me.cadreId != null ? <MyDutiesPage /> : <ForbiddenPage />} />
            <Route path="/my/letters" element={me.cadreId != null ? <MyLettersPage /> : <ForbiddenPage />} />
            {/* A bookmarked login page: once signed in, it is the home page. */}
            <Route path="/login" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
