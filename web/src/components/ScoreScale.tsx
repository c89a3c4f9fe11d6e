import styled from 'styled-components';

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

// "Tallennettu klo 10.42" for a save just made (Finnish time, as everywhere).
export function savedAtTime(): string {
  return new Intl.DateTimeFormat('fi-FI', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(
    new Date(),
  );
}
