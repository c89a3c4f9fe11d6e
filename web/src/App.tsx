import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { Loading } from './components/Feedback';
import { staffTextsReady } from './i18n';
import { JobBoard } from './pages/JobBoard';
import { JobPage } from './pages/JobPage';
import { StatusPage } from './pages/StatusPage';
import { PrivacyNotice } from './pages/PrivacyNotice';
import { NotFound } from './pages/NotFound';

// Staff pages load on first use: an applicant on a phone downloads only the job board, the form
// and the status page (the bundle budget is checked in the browser tests). Their texts come with them.
function staffPage<T>(page: Promise<T>): Promise<T> {
  return Promise.all([page, staffTextsReady()]).then(([loaded]) => loaded);
}
const Login = lazy(() => staffPage(import('./pages/Login')).then((m) => ({ default: m.Login })));
const Recruitments = lazy(() => staffPage(import('./pages/Recruitments')).then((m) => ({ default: m.Recruitments })));
const Editor = lazy(() => staffPage(import('./pages/Editor')).then((m) => ({ default: m.Editor })));
const Desk = lazy(() => staffPage(import('./pages/Desk')).then((m) => ({ default: m.Desk })));
const Audit = lazy(() => staffPage(import('./pages/Audit')).then((m) => ({ default: m.Audit })));
const Registry = lazy(() => staffPage(import('./pages/Registry')).then((m) => ({ default: m.Registry })));
const Reports = lazy(() => staffPage(import('./pages/Reports')).then((m) => ({ default: m.Reports })));
const Admin = lazy(() => staffPage(import('./pages/Admin')).then((m) => ({ default: m.Admin })));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<JobBoard />} />
          <Route path="/jobs/:id" element={<JobPage />} />
          <Route path="/status" element={<StatusPage />} />
          <Route path="/privacy/:org" element={<PrivacyNotice />} />
          <Route path="/staff/login" element={<Login />} />
          <Route path="/staff" element={<Recruitments />} />
          <Route path="/staff/recruitments/new" element={<Editor />} />
          <Route path="/staff/recruitments/:id/edit" element={<Editor />} />
          <Route path="/staff/recruitments/:id" element={<Desk />} />
          <Route path="/staff/audit" element={<Audit />} />
          <Route path="/staff/reports" element={<Reports />} />
          <Route path="/staff/registry" element={<Registry />} />
          <Route path="/staff/admin" element={<Admin />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
