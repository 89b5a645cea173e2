export { startWorker, stopWorker, isWorkerStarted } from "./worker";
export { getBoss, stopBoss, enqueueInbound, enqueueOutbound, enqueueHandoffDelivery, HANDOFF_RETRY, QueueName } from "./queue";
