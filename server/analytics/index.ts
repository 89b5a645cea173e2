export { emitEvent, EventName, type EmitEventInput } from "./emit-event";
