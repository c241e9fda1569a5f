/** A problem with what the user asked for or gave us: one line on stderr, exit 2. */
export class UserError extends Error {}
