import styled from 'styled-components';

// A plain, accessible data table (caption, th scope) in the design system's colours.
export const DataTable = styled.table`
  border-collapse: collapse;
  width: 100%;
  margin: 16px 0;
  caption {
    text-align: left;
    font-weight: 600;
    padding: 8px 0;
  }
  th,
  td {
    text-align: left;
    padding: 8px;
    border-bottom: 1px solid #c8cdd0;
    vertical-align: top;
  }
  th {
    background: #f7f7f8;
  }
  @media (max-width: 600px) {
    font-size: 14px;
    th,
    td {
      padding: 6px 4px;
    }
  }
`;

// A wide table scrolls inside its own box on a phone. Positioned, so that the design system's
// absolutely placed inputs (checkbox, radio) scroll with it instead of widening the page.
export const Scroll = styled.div`
  overflow-x: auto;
  position: relative;
`;
