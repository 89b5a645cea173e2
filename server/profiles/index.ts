export { findOrCreateProfile } from "./find-or-create-profile";
export { listProfiles, type ListProfilesInput } from "./list-profiles";
export { getProfileDetail } from "./get-profile-detail";
export { profileTimeline, MAX_TIMELINE_PAGE, type TimelineEntry } from "./profile-timeline";
export { previewProfileImport, type ImportPreview, type ImportResult } from "./import-profiles";
export { startProfileImport, getProfileImport, type ProfileImportStatus } from "./profile-imports";
export { enqueueProfileImport, registerProfileImportJobs } from "./profile-import-queue";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-rules";
