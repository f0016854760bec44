// Who is logged in. The cookie is HttpOnly, so the workbench asks /auth/me on load and keeps the CSRF token.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, get, setCsrf, type Me } from './api';

interface Session { me: Me | null; loading: boolean; signedIn(me: Me): void; logout(): Promise<void>; can(p: string): boolean }
const Ctx = createContext<Session>(null as unknown as Session);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const signedIn = useCallback((m: Me) => { setCsrf(m.csrfToken); setMe(m); }, []);
  useEffect(() => {
    get<Me>('/api/v1/auth/me').then(signedIn).catch(() => setMe(null)).finally(() => setLoading(false));
  }, [signedIn]);
  const logout = async () => { await api('POST', '/api/v1/auth/logout').catch(() => {}); setMe(null); };
  const can = (p: string) => !!me?.permissions.includes(p);
  return <Ctx.Provider value={{ me, loading, signedIn, logout, can }}>{children}</Ctx.Provider>;
}

export const useSession = () => useContext(Ctx);
