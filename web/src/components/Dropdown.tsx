import { useTranslation } from 'react-i18next';
import { Dropdown as SuomifiDropdown, type DropdownProps } from 'suomifi-ui-components';

// suomifi's Dropdown keeps the text of the chosen item from when it was chosen, so after a switch
// of language it showed the old language's words ("Me (responsible for the…" on a Swedish page).
// Mounted anew with each language it shows the new ones; the value stays with the page.
export function Dropdown<T extends string = string>(props: DropdownProps<T>) {
  const { i18n } = useTranslation();
  return <SuomifiDropdown<T> key={i18n.language} {...props} />;
}
