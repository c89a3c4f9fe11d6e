import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { JobBoard } from './pages/JobBoard';
import { JobPage } from './pages/JobPage';
import { StatusPage } from './pages/StatusPage';
import { Login } from './pages/Login';
import { Recruitments } from './pages/Recruitments';
import { Editor } from './pages/Editor';
import { Desk } from './pages/Desk';
import { Audit } from './pages/Audit';
import { PrivacyNotice } from './pages/PrivacyNotice';
import { Registry } from './pages/Registry';
import { Reports } from './pages/Reports';
import { Admin } from './pages/Admin';
import { NotFound } from './pages/NotFound';

export function App() {
  return (
    <Layout>
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
    </Layout>
  );
}
