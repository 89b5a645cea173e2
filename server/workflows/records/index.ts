export { listCollections, listRecords, MAX_RECORDS_PAGE } from "./list-records";
export { exportRecordsCsv, toCsv, csvCell } from "./export-records-csv";
