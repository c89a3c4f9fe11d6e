import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, type Me } from './api';

interface SessionState {
  me: Me | null;
  ready: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  me: null,
  ready: false,
  login: async () => {
    throw new Error('no session provider');
  },
  logout: async () => {},
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api<Me>('GET', '/api/v1/session')
      .then((m) => {
        setCsrfToken(m.csrf_token);
        setMe(m);
      })
      .catch((e) => {
        if (!(e instanceof ApiError)) console.error(e);
      })
      .finally(() => setReady(true));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const m = await api<Me>('POST', '/api/v1/session', { username, password });
    setCsrfToken(m.csrf_token);
    setMe(m);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('DELETE', '/api/v1/session');
    } finally {
      setCsrfToken('');
      setMe(null);
    }
  }, []);

  return <SessionContext.Provider value={{ me, ready, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession() {
  return useContext(SessionContext);
}
