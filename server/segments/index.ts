export * from "./definition";
export { evaluateSegment, matchesValue, type SegmentSubject } from "./evaluate-segment";
export { segmentConditionSql, countSegmentMembers, listSegmentMembers, type SegmentMember } from "./compile-segment-sql";
export { isProfileInSegment, isProfileInAnySegment, loadSegmentSubject } from "./is-profile-in-segment";
export { listSegments, countSegmentsMembers, getSegment, createSegment, updateSegment, deleteSegment, segmentsContainingProfile, parseSegmentDefinition, type SegmentInput, type SavedSegment, type SegmentMemberCounts } from "./segments";
export { listEventNames, listEventPropertyKeys, listProfilePropertyKeys } from "./segment-catalog";
export { segmentExamples, type SegmentExample } from "./segment-examples";
