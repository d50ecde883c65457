import type { Label } from './comment';

/** Icon and colour go with the words, never instead of them. */
export const LABEL_STYLE: Readonly<Record<Label, { icon: string; colour: string; messageKey: string }>> = {
  threat: { icon: '⚠', colour: '#b3261e', messageKey: 'labelThreat' },
  troll: { icon: '⚑', colour: '#7a4b00', messageKey: 'labelTroll' },
  unhappy_customer: { icon: '☹', colour: '#0b57d0', messageKey: 'labelUnhappyCustomer' },
  neutral: { icon: '✓', colour: '#3c6e47', messageKey: 'labelNeutral' },
};
