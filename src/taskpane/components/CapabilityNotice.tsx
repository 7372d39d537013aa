// What this Excel cannot do, said once at the top of the pane: an API level
// below the add-in's (with the versions that work), or no cell notes (the
// marks are fills only). Nothing when all is well.

import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Capabilities } from '../../excel/types';
import { useUiText } from '../lang';

export function CapabilityNotice({ capabilities }: { capabilities: Capabilities | null }) {
  const { t: say } = useUiText();
  if (!capabilities) return null;
  if (!capabilities.apiSufficient) {
    return (
      <MessageBar intent="error" layout="multiline" data-notice="api">
        <MessageBarBody>{say('apiTooOld', { have: capabilities.apiVersion ?? say('apiNone'), need: capabilities.requiredApi })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!capabilities.notes) {
    return (
      <MessageBar intent="info" layout="multiline" data-notice="notes">
        <MessageBarBody>{say('notesMissing')}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
