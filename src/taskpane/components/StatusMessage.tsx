// The outcome of the last action, announced to screen readers (MessageBar is
// a live region: errors assertively, the rest politely). Excel's own words
// about a failure, when there are any, are folded under "Дэлгэрэнгүй".

import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { Localized } from '../../core';
import { useUiText } from '../lang';

export interface PaneMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  /** Both languages, so the message follows a language switch. */
  text: Localized;
  /** Excel's own text about a failure (English), shown only under "Дэлгэрэнгүй". */
  detail?: string | null;
}

export function StatusMessage({ message, onDismiss }: { message: PaneMessage | null; onDismiss: () => void }) {
  const { t, pick } = useUiText();
  if (!message) return null;
  return (
    <MessageBar data-intent={message.intent} intent={message.intent} politeness={message.intent === 'error' ? 'assertive' : 'polite'} layout="multiline">
      <MessageBarBody>
        {pick(message.text)}
        {message.detail ? (
          <details>
            <summary>{t('details')}</summary>
            <span style={{ overflowWrap: 'anywhere' }}>{message.detail}</span>
          </details>
        ) : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={t('dismiss')} onClick={onDismiss}>
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
