import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useNavigate } from 'react-router-dom';
import styled from 'styled-components';
import { Button, LanguageMenu, LanguageMenuItem, RouterLink, SkipLink } from 'suomifi-ui-components';
import { setLanguage } from '../i18n';
import { languages } from '../locales';
import { useSession } from '../session';

const LANGUAGE_NAMES: Record<string, string> = { fi: 'Suomi (FI)', sv: 'Svenska (SV)', en: 'English (EN)' };

const Header = styled.header`
  border-bottom: 4px solid #2a6ebb;
  background: #fff;
`;
const Bar = styled.div`
  max-width: 1080px;
  margin: 0 auto;
  padding: 12px 16px;
  display: flex;
  flex-wrap: wrap;
  gap: 12px 24px;
  align-items: center;
  justify-content: space-between;
`;
const Brand = styled.span`
  font-size: 24px;
  font-weight: 600;
`;
const Nav = styled.nav`
  ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 20px;
    margin: 0;
    padding: 0;
    align-items: center;
  }
`;
export const Main = styled.main`
  max-width: 1080px;
  margin: 0 auto;
  padding: 16px 16px 48px;
  &:focus {
    outline: none;
  }
  /* Long Finnish compounds in a 40 px heading do not fit a phone: smaller headings there. */
  @media (max-width: 480px) {
    && h1 {
      font-size: 30px;
      line-height: 36px;
    }
    && h2 {
      font-size: 22px;
      line-height: 28px;
    }
  }
`;

// A link that navigates inside the app, styled by the design system.
export function AppLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <RouterLink asComponent={RouterDomLink} to={to}>
      {children}
    </RouterLink>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <SkipLink href="#main">{t('app.skip')}</SkipLink>
      <Header>
        <Bar>
          <Brand>
            <AppLink to="/">{t('app.name')}</AppLink> <span>– {t('app.tagline')}</span>
          </Brand>
          <Nav aria-label={t('app.nav')}>
            <ul>
              <li>
                <AppLink to="/">{t('nav.jobs')}</AppLink>
              </li>
              {me ? (
                <>
                  {me.user.role !== 'auditor' && me.user.role !== 'admin' && (
                    <li>
                      <AppLink to="/staff">{t('nav.recruitments')}</AppLink>
                    </li>
                  )}
                  {me.user.role === 'admin' && (
                    <li>
                      <AppLink to="/staff/admin">{t('nav.admin')}</AppLink>
                    </li>
                  )}
                  {me.user.role === 'auditor' && (
                    <li>
                      <AppLink to="/staff/audit">{t('nav.audit')}</AppLink>
                    </li>
                  )}
                  {(me.user.role === 'auditor' || me.user.role === 'admin' || me.user.role === 'hr') && (
                    <li>
                      <AppLink to="/staff/reports">{t('nav.reports')}</AppLink>
                    </li>
                  )}
                  {(me.user.role === 'registry' || me.user.role === 'auditor' || me.user.role === 'hr') && (
                    <li>
                      <AppLink to="/staff/registry">{t('nav.registry')}</AppLink>
                    </li>
                  )}
                  <li>
                    <Button
                      variant="secondaryNoBorder"
                      onClick={() => {
                        void logout().then(() => navigate('/'));
                      }}
                    >
                      {t('nav.logout')} ({me.user.display_name})
                    </Button>
                  </li>
                </>
              ) : (
                <li>
                  <AppLink to="/staff/login">{t('nav.staff')}</AppLink>
                </li>
              )}
              <li>
                <LanguageMenu buttonText={i18n.language.toUpperCase()} aria-label={t('app.language')}>
                  {languages.map((lang) => (
                    <LanguageMenuItem
                      key={lang}
                      lang={lang}
                      selected={i18n.language === lang}
                      onSelect={() => setLanguage(lang)}
                    >
                      {LANGUAGE_NAMES[lang]}
                    </LanguageMenuItem>
                  ))}
                </LanguageMenu>
              </li>
            </ul>
          </Nav>
        </Bar>
      </Header>
      <Main id="main" tabIndex={-1}>
        {children}
      </Main>
    </>
  );
}
