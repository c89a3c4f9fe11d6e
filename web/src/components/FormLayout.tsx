import styled from 'styled-components';

// A bordered group of form fields with a visible legend.
export const Fieldset = styled.fieldset`
  border: 1px solid #c8cdd0;
  padding: 16px;
  margin: 16px 0;
  display: grid;
  gap: 16px;
  legend {
    font-size: 20px;
    font-weight: 600;
    padding: 0 8px;
  }
`;

// Fields side by side on wide screens, stacked on phones.
export const Row = styled.div`
  display: grid;
  gap: 12px 16px;
  grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  align-items: end;
`;
