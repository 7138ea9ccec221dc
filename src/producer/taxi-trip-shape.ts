/**
 * Tells taxi-shaped JSON from other JSON. The checks read records a learner's own script wrote, and
 * that script picks its own field names, so the test is deliberately tolerant.
 *
 * The rule: `value` is a plain object (not an array, not null) and has a pickup point and a dropoff
 * point, each a latitude and a longitude. Field names are compared after lower-casing and removing
 * every character that is not a letter or digit, so `pickup_latitude`, `pickupLatitude`,
 * `Pickup_Latitude` and `PICKUP-LATITUDE` are the same name. A name is
 *
 *   <point><place?><axis>
 *
 * where <point> is `pickup|pick|pu|start|origin` for the pickup and `dropoff|drop|do|end|destination|dest`
 * for the dropoff, <place> is an optional `location|loc|point|position|coordinates|coords|coord`, and
 * <axis> is `latitude|lat` or `longitude|long|lon|lng`. A point may also be nested one level:
 * `{"pickup": {"lat": …, "lng": …}}`, `{"pickup_location": {"latitude": …, "longitude": …}}`.
 * Values are numbers or numeric strings (the workshop's script sends strings), latitudes within
 * ±90 and longitudes within ±180.
 *
 * NYC TLC data since 2016 has taxi-zone ids instead of coordinates, so an object with both a pickup
 * and a dropoff zone id (`PULocationID`/`DOLocationID`, or `pickup_location_id`/`dropoff_location_id`),
 * each a non-negative integer or integer string, counts as a taxi trip too.
 */
export function isTaxiTrip(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const fields = new Map<string, unknown>();
  for (const [key, fieldValue] of Object.entries(value)) fields.set(normalize(key), fieldValue);
  return (hasPoint(fields, PICKUP) && hasPoint(fields, DROPOFF)) || hasZoneIds(fields);
}

const PLACE = 'location|loc|point|position|coordinates|coords|coord';

/** Name patterns for one end of the trip: flat latitude, flat longitude, or a nested point. */
interface PointNames {
  latitude: RegExp;
  longitude: RegExp;
  nested: RegExp;
}

function pointNames(point: string): PointNames {
  return {
    latitude: new RegExp(`^(${point})(${PLACE})?(latitude|lat)$`),
    longitude: new RegExp(`^(${point})(${PLACE})?(longitude|long|lon|lng)$`),
    nested: new RegExp(`^(${point})(${PLACE})?$`),
  };
}

const PICKUP = pointNames('pickup|pick|pu|start|origin');
const DROPOFF = pointNames('dropoff|drop|do|end|destination|dest');
const LATITUDE = /^(latitude|lat)$/;
const LONGITUDE = /^(longitude|long|lon|lng)$/;

function hasPoint(fields: Map<string, unknown>, names: PointNames): boolean {
  let lat = false;
  let lon = false;
  for (const [key, fieldValue] of fields) {
    if (names.latitude.test(key) && isLatitude(fieldValue)) lat = true;
    else if (names.longitude.test(key) && isLongitude(fieldValue)) lon = true;
    else if (names.nested.test(key) && isPlainObject(fieldValue) && isLatLonObject(fieldValue)) return true;
  }
  return lat && lon;
}

function isLatLonObject(value: Record<string, unknown>): boolean {
  let lat = false;
  let lon = false;
  for (const [key, fieldValue] of Object.entries(value)) {
    const name = normalize(key);
    if (LATITUDE.test(name) && isLatitude(fieldValue)) lat = true;
    else if (LONGITUDE.test(name) && isLongitude(fieldValue)) lon = true;
  }
  return lat && lon;
}

function hasZoneIds(fields: Map<string, unknown>): boolean {
  const zone = (names: string[]) => names.some((name) => isZoneId(fields.get(name)));
  return zone(['pulocationid', 'pickuplocationid']) && zone(['dolocationid', 'dropofflocationid']);
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // Number('') is 0 and Number(' ') is 0: an empty string is not a coordinate.
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function isLatitude(value: unknown): boolean {
  const n = asNumber(value);
  return n !== undefined && n >= -90 && n <= 90;
}

function isLongitude(value: unknown): boolean {
  const n = asNumber(value);
  return n !== undefined && n >= -180 && n <= 180;
}

function isZoneId(value: unknown): boolean {
  const n = asNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0;
}
