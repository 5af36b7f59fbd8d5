/** Same rule as the users.username CHECK constraint, so bad input fails as a field error, not a 500. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
