export { authOptions } from "./options";
export { currentMember } from "./session";
export { brandMemberOf, type BrandMember } from "./membership";
export { hashPassword, verifyPassword } from "./password";
export { authenticate, signInLimits, signInWithLimits, TOO_MANY_ATTEMPTS, type SignInOutcome } from "./authenticate";
export { endSessionsOf } from "./user-sessions";
export { hasRole, memberRoles, roleRefusal } from "./roles";
