export { currentBrandOverview } from "./overview";
