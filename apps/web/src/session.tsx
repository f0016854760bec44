// Who is logged in. The cookie is HttpOnly, so the workbench asks /auth/me on load and keeps the CSRF token.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { api, get, setCsrf, type Me } from './api';

/** Pages for the public (no account): the session is not asked for there, so no 401 shows in their console. */
const PUBLIC_PATHS = ['/report'];

interface Session {
  me: Me | null;
  loading: boolean;
  signedIn(me: Me): void;
  logout(): Promise<void>;
  can(p: string): boolean;
}
const Ctx = createContext<Session>(null as unknown as Session);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const signedIn = useCallback((m: Me) => {
    setCsrf(m.csrfToken);
    setMe(m);
  }, []);
  const isPublic = PUBLIC_PATHS.includes(useLocation().pathname);
  // Asked once, the first time a workbench page is shown (at once, unless the app opened on a public page).
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (asked || isPublic) return;
    setAsked(true);
    get<Me>('/api/v1/auth/me')
      .then(signedIn)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, [signedIn, asked, isPublic]);
  const logout = async () => {
    await api('POST', '/api/v1/auth/logout').catch(() => {});
    setMe(null);
  };
  const can = (p: string) => !!me?.permissions.includes(p);
  return <Ctx.Provider value={{ me, loading, signedIn, logout, can }}>{children}</Ctx.Provider>;
}

export const useSession = () => useContext(Ctx);
