import styled from 'styled-components';

// A marked-off part of a page for one task (a decision, a request), set apart by a blue edge.
export const Panel = styled.section`
  border-left: 4px solid #2a6ebb;
  background: #f7f7f8;
  padding: 12px 16px;
  margin: 16px 0;
  display: grid;
  gap: 12px;
`;
