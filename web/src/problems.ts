import type { TFunction } from 'i18next';
import type { ApiProblem } from './api';

// The server's problem in the user's language. The server names what went wrong with a stable code
// and the field it concerns; its English sentence is shown as such only on English pages, so no
// English reaches a Finnish or Swedish page.
export function problemText(problem: ApiProblem, t: TFunction, language: string): string {
  if (language === 'en' && problem.detail) return problem.detail;
  const field = fieldLabel(problem.field, t);
  if (problem.code === 'invalid_input' && field) return t('errors.invalid_input_field', { field });
  const key = `errors.${problem.code}`;
  const text = t(key);
  return text === key ? t('errors.unknown', { status: problem.status }) : text;
}

// A field path ("identity.email", "attachments[0]", "ad.salary.fi") by its last named part.
function fieldLabel(path: string | undefined, t: TFunction): string {
  if (!path) return '';
  const name = path
    .split('.')
    .map((part) => part.replace(/\[\d+\]$/, ''))
    .filter((part) => !['fi', 'sv', 'en'].includes(part))
    .pop();
  if (!name) return '';
  const key = `errors.field_${name}`;
  const label = t(key);
  return label === key ? '' : label;
}
