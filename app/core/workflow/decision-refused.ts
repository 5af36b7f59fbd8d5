/**
 * Thrown by a plugin's `onApproved` or `onPublished` when the law no longer allows what the
 * document does (a 逾期未缴费 reply approved after the fee was paid): the decision's transaction is
 * undone and the decider reads `key` (an i18n key with its namespace, "requests:…") instead of a
 * server error.
 */
export class DecisionRefused extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = "DecisionRefused";
  }
}
