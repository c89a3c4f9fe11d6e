import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import styled from 'styled-components';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../api';
import { ErrorMessage } from '../components/Feedback';
import { useSession } from '../session';

const Form = styled.form`
  display: grid;
  gap: 16px;
  max-width: 360px;
`;

export function Login() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    document.title = t('login.title') + ' – Reilu';
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const me = await login(username, password);
      navigate(me.user.role === 'admin' ? '/staff/admin' : me.user.role === 'auditor' ? '/staff/audit' : '/staff');
    } catch (err) {
      setError(err instanceof ApiError && err.problem.status === 401 ? new Error(t('login.failed')) : err);
    }
  };

  return (
    <>
      <Heading variant="h1">{t('login.title')}</Heading>
      <Form onSubmit={submit}>
        <TextInput id="login-username" labelText={t('login.username')} autoComplete="username" value={username}
          onChange={(v) => setUsername(String(v ?? ''))} />
        <TextInput id="login-password" labelText={t('login.password')} type="password" autoComplete="current-password"
          value={password} onChange={(v) => setPassword(String(v ?? ''))} />
        {error instanceof Error && !(error instanceof ApiError) ? (
          <div role="alert">{error.message}</div>
        ) : (
          <ErrorMessage error={error} />
        )}
        <div>
          <Button type="submit">{t('login.submit')}</Button>
        </div>
      </Form>
    </>
  );
}
