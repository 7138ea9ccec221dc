import { Text } from 'ink';
import type { AutoFix } from '../diagnose/diagnosis.js';
import type { FixWhere, Messages } from '../i18n/messages.js';

export interface FixOfferProps {
  fix: AutoFix;
  /** Where the lab runs now, so the offer names what changes. */
  where: FixWhere;
  m: Messages;
}

/** The diagnosis's fix the learner can apply with f, saying exactly what the key will do. */
export function FixOffer({ fix, where, m }: FixOfferProps) {
  return (
    <Text>
      <Text bold color="cyan">
        f
      </Text>{' '}
      {m.fixOffer(fix, where)}
    </Text>
  );
}
