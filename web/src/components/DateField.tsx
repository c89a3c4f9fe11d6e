// A date as Finns write it (d.M.yyyy), typed or picked from a calendar in the page's language.
// Wrong text is said next to the field; an empty one only when `required`.
import { useTranslation } from 'react-i18next';
import { createGlobalStyle } from 'styled-components';
import { DateInput } from 'suomifi-ui-components';
import { parseDate } from '../dates';

// The calendar's days of the neighbouring months are drawn too faintly to read (WCAG 1.4.3): a
// grey that still reads as "not this month" against the dark days of the month.
const CalendarContrast = createGlobalStyle`
  .fi-month-day--disabled {
    color: #5e6a74 !important;
  }
`;

export function DateField(props: {
  labelText: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  optionalText?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = (['fi', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'fi') as 'fi' | 'sv' | 'en';
  const wrong = (props.value || props.required) && !parseDate(props.value);
  return (
    <>
      <CalendarContrast />
      <DateInput labelText={props.labelText} hintText={t('dates.dateHint')} optionalText={props.optionalText}
        value={props.value} datePickerEnabled language={language}
        status={wrong ? 'error' : 'default'} statusText={wrong ? t('dates.badDate') : undefined}
        onChange={({ value }) => props.onChange(value)} />
    </>
  );
}
