// The outcome of the last action, announced to screen readers (MessageBar is
// a live region: errors assertively, the rest politely). A long outcome keeps
// its first sentence in view and the rest behind "Дэлгэрэнгүй" (Details), so
// at 320 px the scores under it stay on screen. Excel's own words about a
// failure, when there are any, are folded under "Дэлгэрэнгүй" too: with the
// rest of a long outcome when it has one, else in a disclosure of their own.

import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PaneMessage } from '../actions/types';
import { useUiText } from '../lang';

// The message's type lives with the pane's other types; the year's cycle messages (../cycle-messages.ts) take it from here.
export type { PaneMessage } from '../actions/types';

// No display of its own: the hidden attribute hides it (a class's display would override that).
const useStyles = makeStyles({ details: { overflowWrap: 'anywhere' }, excelText: { display: 'block', overflowWrap: 'anywhere' } });

export function StatusMessage({ message, onDismiss }: { message: PaneMessage | null; onDismiss: () => void }) {
  const { t: say, pick } = useUiText();
  const styles = useStyles();
  const detailsId = useId();
  // Open for the message it was opened for: the next message starts short again.
  const [openFor, setOpenFor] = useState<PaneMessage | null>(null);
  if (!message) return null;
  const details = message.details && pick(message.details) ? pick(message.details) : null;
  const excelText = message.detail ? message.detail : null;
  const open = details !== null && openFor === message;
  return (
    <MessageBar data-intent={message.intent} intent={message.intent} politeness={message.intent === 'error' ? 'assertive' : 'polite'} layout="multiline">
      <MessageBarBody>
        {pick(message.text)}
        {details !== null && (
          <span id={detailsId} className={styles.details} hidden={!open} data-testid="message-details">
            {` ${details}`}
            {excelText !== null && <span className={styles.excelText}>{excelText}</span>}
          </span>
        )}
        {details === null && excelText !== null && (
          <details>
            <summary>{say('moreDetails')}</summary>
            <span className={styles.details}>{excelText}</span>
          </details>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={say('dismiss')} onClick={onDismiss}>
            ×
          </Button>
        }
      >
        {details !== null && (
          <Button size="small" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpenFor(open ? null : message)}>
            {open ? say('lessDetails') : say('moreDetails')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
