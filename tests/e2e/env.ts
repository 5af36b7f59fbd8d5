/** The password the e2e server gives every demo account (GONGKAI_DEMO_PASSWORD). */
export const DEMO_PASSWORD = "E2e-Demo-Pass-2468";
