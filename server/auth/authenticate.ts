import { getDb } from "../db";
import { verifyPassword } from "./password";

export type SignedInUser = { id: string; email: string; name: string };

/** Email + password → the user, or null. Same answer time-wise for unknown emails and bad passwords. */
export async function authenticate(email: string, password: string): Promise<SignedInUser | null> {
  const user = await getDb().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2PqRvWLkM9EM8V7AMXUHy2mNnK3Ni8NILCNqBkDPHZY", password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
