/** The dates of 条例第三十一条 a registration may carry; the channel decides which one is the receipt date. */
export const RECEIPT_FIELDS = ["submittedOn", "signedForOn", "arrivedOn", "confirmedOn"] as const;
