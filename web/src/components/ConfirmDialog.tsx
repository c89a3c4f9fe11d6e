import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  confirmDisabled?: boolean;
  // The way out, when "Peruuta" would sound like the action itself (withdrawing is "Peru hakemus").
  cancelText?: string;
  children: ReactNode;
}

const Modal = lazy(() => import('./ConfirmDialogModal').then((m) => ({ default: m.ConfirmDialogModal })));

// A modal that asks before an action that cannot be undone. Focus moves into it and back. The
// modal code loads when a dialog first opens (most applicants never open one), and stays mounted
// after that so that closing returns the focus as the modal library does.
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [opened, setOpened] = useState(props.visible);
  useEffect(() => {
    if (props.visible) setOpened(true);
  }, [props.visible]);
  if (!opened && !props.visible) return null;
  return (
    <Suspense fallback={null}>
      <Modal {...props} />
    </Suspense>
  );
}
