/**
 * 等保2.0 identity rule as assessors apply it: at least 8 characters from at least 3 of the 4
 * classes (lower, upper, digit, symbol), and not containing the username.
 * Returns i18n keys of what is wrong, empty when the password is acceptable.
 */
export function passwordProblems(password: string, username = ""): string[] {
  const problems: string[] = [];
  if ([...password].length < 8) problems.push("errors.password.tooShort");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("errors.password.classes");
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push("errors.password.containsUsername");
  return problems;
}
