/**
 * The local time zone of a North American (+1, NANP) number, from its area code. Quiet hours for
 * campaigns are the recipient's local time (TCPA and state "mini-TCPA" laws), and a shopper's
 * number is the best hint Parley has. Numbers keep their area code when people move, so this is
 * a best guess; callers fall back to the brand's time zone for anything not listed.
 */

// By the zone most of each area code's people live in; area codes that straddle a zone line are
// in SPLIT below instead, with the more populous zone first.
const BY_ZONE: Record<string, string> = {
  "America/New_York": [
    // Connecticut, Delaware, DC, Florida (Eastern part), Georgia
    "203 475 860 959 302 202 771 239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 863 904 941 954",
    "229 404 470 478 678 706 762 770 912 943",
    // Kentucky (Eastern part), Maine, Maryland, Massachusetts, New Hampshire, New Jersey
    "502 606 859 207 227 240 301 410 443 667 339 351 413 508 617 774 781 857 978 603",
    "201 551 609 640 732 848 856 862 908 973",
    // New York, North Carolina, Ohio
    "212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934",
    "252 336 472 704 743 828 910 919 980 984",
    "216 220 234 283 326 330 380 419 436 440 513 567 614 740 937",
    // Pennsylvania, Rhode Island, South Carolina, Tennessee (Eastern part), Vermont, Virginia, West Virginia
    "215 223 267 272 412 445 484 570 582 610 717 724 814 835 878 401 803 821 839 843 854 864 423 865 802",
    "276 434 540 571 686 703 757 804 826 948 304 681",
  ].join(" "),
  "America/Detroit": "231 248 269 313 517 586 616 679 734 810 947 989",
  "America/Indiana/Indianapolis": "260 317 463 574 765",
  "America/Chicago": [
    // Alabama, Arkansas, Illinois, Indiana (northwest), Iowa, Kansas (eastern part), Louisiana
    "205 251 256 334 483 659 938 327 479 501 870",
    "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872 219 319 515 563 641 712 316 913",
    "225 318 337 457 504 985",
    // Minnesota, Mississippi, Missouri, Nebraska (eastern), Oklahoma, Tennessee (Central part), Wisconsin
    "218 320 507 612 651 763 924 952 228 471 601 662 769 235 314 417 557 573 636 660 816 975 402 531",
    "405 539 572 580 918 615 629 731 901 931 262 274 353 414 534 608 715 920",
    // Texas (all but El Paso)
    "210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979",
  ].join(" "),
  // Colorado, Montana, New Mexico, Utah, Wyoming, El Paso
  "America/Denver": "303 719 720 748 970 983 406 505 575 385 435 801 307 915",
  "America/Phoenix": "480 520 602 623 928",
  // California, Nevada, Oregon, Washington
  "America/Los_Angeles": [
    "209 213 279 310 323 341 350 357 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951",
    "702 725 775 458 503 971 206 253 360 425 509 564",
  ].join(" "),
  "America/Anchorage": "907",
  "Pacific/Honolulu": "808",
  // US territories
  "America/Puerto_Rico": "787 939",
  "America/St_Thomas": "340",
  "Pacific/Guam": "671",
  "Pacific/Saipan": "670",
  "Pacific/Pago_Pago": "684",
  // Canada
  "America/Toronto": [
    // Ontario (all but the northwest)
    "226 249 289 343 365 382 387 416 437 519 548 613 647 683 705 742 753 905 942",
    // Quebec
    "263 354 367 418 438 450 468 514 579 581 819 873",
  ].join(" "),
  "America/Winnipeg": "204 431 584",
  "America/Regina": "306 474 639",
  "America/Edmonton": "368 403 587 780 825",
  "America/Vancouver": "236 250 257 604 672 778",
  "America/Moncton": "428 506",
  "America/Halifax": "782 902",
  // The Caribbean and Atlantic members of the plan
  "America/Nassau": "242",
  "America/Barbados": "246",
  "America/Anguilla": "264",
  "America/Antigua": "268",
  "America/Tortola": "284",
  "America/Cayman": "345",
  "Atlantic/Bermuda": "441",
  "America/Grenada": "473",
  "America/Grand_Turk": "649",
  "America/Jamaica": "658 876",
  "America/Montserrat": "664",
  "America/Lower_Princes": "721",
  "America/St_Lucia": "758",
  "America/Dominica": "767",
  "America/St_Vincent": "784",
  "America/Santo_Domingo": "809 829 849",
  "America/Port_of_Spain": "868",
  "America/St_Kitts": "869",
};

/** Area codes whose people live in more than one zone, the more populous zone first. */
const SPLIT: Record<string, readonly string[]> = {
  "208": ["America/Boise", "America/Los_Angeles"], // Idaho: south Mountain, panhandle Pacific
  "986": ["America/Boise", "America/Los_Angeles"],
  "270": ["America/Chicago", "America/New_York"], // western Kentucky
  "308": ["America/Chicago", "America/Denver"], // western Nebraska
  "541": ["America/Los_Angeles", "America/Boise"], // Oregon: Malheur County is Mountain
  "605": ["America/Chicago", "America/Denver"], // South Dakota
  "620": ["America/Chicago", "America/Denver"], // southwest Kansas
  "701": ["America/Chicago", "America/Denver"], // North Dakota
  "785": ["America/Chicago", "America/Denver"], // northwest Kansas
  "812": ["America/Indiana/Indianapolis", "America/Chicago"], // southern Indiana: Evansville is Central
  "930": ["America/Indiana/Indianapolis", "America/Chicago"],
  "850": ["America/Chicago", "America/New_York"], // Florida panhandle: Pensacola Central, Tallahassee Eastern
  "906": ["America/Detroit", "America/Menominee"], // Michigan's Upper Peninsula
  "709": ["America/St_Johns", "America/Goose_Bay"], // Newfoundland and Labrador
  "879": ["America/St_Johns", "America/Goose_Bay"],
  "807": ["America/Winnipeg", "America/Toronto"], // northwestern Ontario
  "867": ["America/Edmonton", "America/Whitehorse", "America/Iqaluit"], // Yukon, NWT, Nunavut
};

const ENTRIES: [string, readonly string[]][] = [
  ...Object.entries(BY_ZONE).flatMap(([zone, codes]) => codes.split(/\s+/).map((code) => [code, [zone]] as [string, readonly string[]])),
  ...Object.entries(SPLIT),
];
const TABLE: ReadonlyMap<string, readonly string[]> = new Map(ENTRIES);

/** Every area code as listed (a code listed twice appears twice), for tests. */
export const knownAreaCodes: readonly string[] = ENTRIES.map(([code]) => code);

/** The area code of a +1 number in E.164 ("+12125550100" → "212"), or null for other numbers. */
export function areaCodeOf(phone: string): string | null {
  const match = /^\+1([2-9]\d{2})[2-9]\d{6}$/.exec(phone);
  return match ? match[1]! : null;
}

/** The zones an area code's people live in, the most populous first; empty when unknown. */
export function timeZonesForAreaCode(areaCode: string): readonly string[] {
  return TABLE.get(areaCode) ?? [];
}

/**
 * The time zones a number's owner probably lives in, the most likely first: from its area code,
 * or `fallback` (the brand's zone) for a number outside the table.
 */
export function timeZonesOfPhone(phone: string, fallback: string): readonly string[] {
  const code = areaCodeOf(phone);
  const zones = code ? timeZonesForAreaCode(code) : [];
  return zones.length ? zones : [fallback];
}

/** The most likely time zone of a number, or `fallback` (the brand's zone) when the area code is unknown. */
export function timeZoneOfPhone(phone: string, fallback: string): string {
  return timeZonesOfPhone(phone, fallback)[0]!;
}
