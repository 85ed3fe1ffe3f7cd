// The web app's zone names are the server's: one rule, one table, in src/shared (QA: the app and
// the emails named Mérida's zone two ways). Vite bundles it from there; this file keeps the
// app's imports short.
export {
  isUtcZone,
  ZONE_NAMES,
  zoneCity,
  zoneIdWords,
  type ZoneLanguage,
  zoneLabel,
  zoneName,
  zoneOffset,
  zoneTitle,
} from '../../../src/shared/time-zone-names';
