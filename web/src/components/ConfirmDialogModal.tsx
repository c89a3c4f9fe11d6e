import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle } from 'suomifi-ui-components';

import type { ConfirmDialogProps } from './ConfirmDialog';

// The dialog itself (loaded with its modal library only when a dialog first opens).
export function ConfirmDialogModal(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const firstFocus = useRef<HTMLHeadingElement>(null) as RefObject<HTMLHeadingElement>;
  return (
    <Modal
      appElementId="root"
      visible={props.visible}
      onEscKeyDown={props.onCancel}
      focusOnOpenRef={firstFocus}
      ariaLabelledBy="confirm-title"
    >
      <ModalContent>
        <ModalTitle id="confirm-title" tabIndex={-1} forwardedRef={firstFocus}>
          {props.title}
        </ModalTitle>
        {props.children}
      </ModalContent>
      <ModalFooter>
        <Button onClick={props.onConfirm} disabled={props.confirmDisabled}>
          {props.confirmText}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {props.cancelText ?? t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
