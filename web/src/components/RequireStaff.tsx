import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useSession } from '../session';
import { Loading } from './Feedback';

// Staff pages need a session; the server enforces every rule again on each call.
export function RequireStaff({ children }: { children: ReactNode }) {
  const { me, ready } = useSession();
  if (!ready) return <Loading />;
  if (!me) return <Navigate to="/staff/login" replace />;
  return <>{children}</>;
}
