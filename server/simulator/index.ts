export { sendSimulatedText, simulatorThread, simulatorShoppers, simulatedMessageSid } from "./simulator";
export { simulateText, type SimulationResult } from "./simulate-text";
