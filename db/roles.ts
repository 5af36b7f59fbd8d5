/** The non-owner role every request runs as (`SET LOCAL ROLE`); migrations run as the connecting owner. */
export const APP_ROLE = "gongkai_app";

/** The audit chain of platform-level events (logins, account administration) that belong to no tenant. */
export const PLATFORM_CHAIN = "00000000-0000-0000-0000-000000000000";
