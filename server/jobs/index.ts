export { startWorker, stopWorker, isWorkerStarted } from "./worker";
export { getBoss, stopBoss, enqueueInbound, enqueueOutbound, QueueName } from "./queue";
