import type { Db, Prisma, SmsConsent } from "../db";

export type ListProfilesInput = { search?: string; consent?: SmsConsent; page: number; pageSize: number };

// Someone typing a number: "+1 (555) 555-0103", "555-0103", "5550103".
const PHONE_LIKE = /^[+\d\s().\-]+$/;
const MAX_TERMS = 6;

/**
 * The brand's profiles, newest first, a page at a time with the total count. `search` matches the
 * phone by its digits however it is typed, and names and email by every word (case-insensitive):
 * "ava chen" finds Ava Chen, "@example.com" every example.com address.
 */
export async function listProfiles(db: Db, brandId: string, input: ListProfilesInput) {
  const where: Prisma.ProfileWhereInput = { brandId, ...(input.consent ? { smsConsent: input.consent } : {}), AND: searchConditions(input.search) };
  const [total, rows] = await Promise.all([
    db.profile.count({ where }),
    db.profile.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, phone: true, firstName: true, lastName: true, email: true, smsConsent: true, properties: true, createdAt: true, updatedAt: true },
    }),
  ]);
  return { items: rows, total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)) };
}

export function searchConditions(search: string | undefined): Prisma.ProfileWhereInput[] {
  const query = search?.trim() ?? "";
  if (query === "") return [];
  const digits = query.replace(/\D/g, "");
  if (PHONE_LIKE.test(query) && digits.length > 0) return [{ phone: { contains: digits } }];
  return query
    .split(/\s+/)
    .slice(0, MAX_TERMS)
    .map((term): Prisma.ProfileWhereInput => {
      const termDigits = term.replace(/\D/g, "");
      return {
        OR: [
          { firstName: { contains: term, mode: "insensitive" } },
          { lastName: { contains: term, mode: "insensitive" } },
          { email: { contains: term, mode: "insensitive" } },
          ...(termDigits.length >= 3 && PHONE_LIKE.test(term) ? [{ phone: { contains: termDigits } }] : []),
        ],
      };
    });
}
