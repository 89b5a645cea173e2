export { TRPCReactProvider, useTRPC, useTRPCClient } from "./trpc-provider";
export { errorCodeOf, errorMessageOf, type ConversationStatus, type RouterInputs, type RouterOutputs, type SmsConsent } from "./types";
