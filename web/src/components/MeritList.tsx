import { useTranslation } from 'react-i18next';
import type { Merits } from '../api';

// An applicant's merits as reviewers see them: education, experience (as a duration), skills, languages.
export function MeritList({ merits }: { merits: Merits }) {
  const { t } = useTranslation();
  return (
    <ul>
      {merits.education.map((e, i) => (
        <li key={`e${i}`}>
          {t('form.education')}: {[e.level, e.field, e.institution].filter(Boolean).join(', ')}
        </li>
      ))}
      {merits.experience.map((e, i) => (
        <li key={`x${i}`}>
          {t('form.experience')}: {[e.title, e.employer].filter(Boolean).join(', ')} (
          {t('desk.months', { count: e.months })})
        </li>
      ))}
      {merits.skills.length > 0 && <li>{merits.skills.join(', ')}</li>}
      {merits.languages.map((l, i) => (
        <li key={`l${i}`}>
          {l.language}: {l.level}
        </li>
      ))}
    </ul>
  );
}
