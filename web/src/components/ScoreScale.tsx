import type { TFunction } from 'i18next';
import styled from 'styled-components';
import { RadioButton } from 'suomifi-ui-components';

// Around a 1–5 RadioButtonGroup: the steps side by side (left to right, low to high) instead of
// one under another, wrapping only on the narrowest screens.
export const ScoreScale = styled.div`
  .fi-radio-button-group_container {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 24px;
  }
  .fi-radio-button-group_container > * {
    margin: 0;
  }
`;

// The five steps, each with what it means, the same for every criterion and reviewer (the
// criterion's own guide is the group's hint). Returned as elements, not a component: the group
// reads its RadioButton children directly.
export function scaleSteps(t: TFunction, disabled = false) {
  return [1, 2, 3, 4, 5].map((n) => (
    <RadioButton key={n} value={String(n)} hintText={t(`scale.step${n}`)} disabled={disabled}>
      {String(n)}
    </RadioButton>
  ));
}

// "Tallennettu klo 10.42" for a save just made (Finnish time, as everywhere).
export function savedAtTime(): string {
  return new Intl.DateTimeFormat('fi-FI', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(
    new Date(),
  );
}
