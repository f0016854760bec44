// Layout and routes. The menu shows what the role may use; the server refuses the rest whatever the menu shows.
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { LoginPage } from './pages/LoginPage';
import { FirstLoginPage } from './pages/FirstLoginPage';
import { PublicReportPage } from './pages/PublicReportPage';
import { ForbiddenPage, NothingYetPage } from './pages/ForbiddenPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PAGES, type PageDef } from './routes';
import { get } from './api';
import { NotificationBell } from './components/NotificationBell';

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
  // A one-time password or a second factor still to enrol: nothing else answers until they are done (issue 13 §1).
  if (me.setup.password || me.setup.totp) return <FirstLoginPage me={me} />;

  // One table drives the menu and the routes (issue 12 §6): a page's permission is written once, in routes.tsx.
  const allowed = (p: PageDef) => (p.perms ?? []).every(can) && (!p.needsCadre || me.cadreId != null);
  const items = PAGES.filter((p) => p.menu && allowed(p) && (!p.menu.onlyWithLetters || letters)).map((p) => ({
    key: p.path,
    icon: p.menu!.icon,
    label: t(...p.menu!.label),
  }));
  const selected =
    items
      .map((i) => i.key)
      .filter((k) => (k === '/' ? loc.pathname === '/' : loc.pathname.startsWith(k)))
      .at(-1) ?? '';
  const home = items[0]?.key ?? '/';
  // Pages open by URL too: a role without the permission gets a plain 无权访问 page, not an empty one.
  const page = (p: PageDef) => (allowed(p) ? <Suspense fallback={<Spin />}>{p.element}</Suspense> : <ForbiddenPage />);

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
            items={items}
            onClick={(e) => nav(e.key)}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, background: '#f5f5f5' }}>
          <Routes>
            {PAGES.map((p) =>
              p.path === '/' ? (
                <Route
                  key={p.path}
                  path="/"
                  element={allowed(p) ? page(p) : items.length ? <Navigate to={home} replace /> : <NothingYetPage />}
                />
              ) : (
                <Route key={p.path} path={p.path} element={page(p)} />
              ),
            )}
            {/* A bookmarked login page: once signed in, it is the home page. */}
            <Route path="/login" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
