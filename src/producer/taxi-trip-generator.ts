import type { TaxiTrip } from '../shared/producer-types.js';
import { mulberry32 } from '../shared/seeded-random.js';

/** Cities the generator knows. New York is the default: the workshop's taxi data is NYC's. */
export type CityName = 'new-york' | 'seoul';

/** A latitude/longitude box, in degrees. */
export interface CityBounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** What the generator needs to know about a city to make believable trips. */
export interface CityProfile {
  name: CityName;
  bounds: CityBounds;
  /** ISO 4217 code of the fare's units. */
  currency: 'USD' | 'KRW';
  /** fare = base + perKm × km + perMinute × minutes, rounded to a multiple of `roundTo`. */
  tariff: { base: number; perKm: number; perMinute: number; roundTo: number };
  /** Road distance over straight-line distance; 1.3 is a common figure for street grids. */
  roadFactor: number;
  /** Average door-to-door speed range in traffic, km/h. */
  speedKmh: { min: number; max: number };
}

export const CITY_PROFILES: Readonly<Record<CityName, CityProfile>> = {
  // Manhattan, Brooklyn and Queens (with the water and the bits of New Jersey a box cannot avoid).
  'new-york': {
    name: 'new-york',
    bounds: { south: 40.57, north: 40.88, west: -74.04, east: -73.7 },
    currency: 'USD',
    tariff: { base: 3, perKm: 1.75, perMinute: 0.35, roundTo: 0.01 },
    roadFactor: 1.3,
    speedKmh: { min: 12, max: 30 },
  },
  // Inside the Seoul city limits, Eunpyeong to Gangnam and Gangseo to Gangdong.
  seoul: {
    name: 'seoul',
    bounds: { south: 37.43, north: 37.7, west: 126.76, east: 127.18 },
    currency: 'KRW',
    tariff: { base: 4800, perKm: 760, perMinute: 170, roundTo: 100 },
    roadFactor: 1.3,
    speedKmh: { min: 15, max: 35 },
  },
};

export interface TripGeneratorOptions {
  /** Same seed, same trips (given the same `now`). @default a random seed */
  seed?: number;
  /** @default 'new-york' */
  city?: CityName;
  /** Dropoff time of each trip, ms since epoch; the pickup is earlier by the trip's duration. @default Date.now */
  now?: () => number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance between two points, in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** True when the point lies inside (or on the edge of) the box. */
export function isWithinBounds(bounds: CityBounds, latitude: number, longitude: number): boolean {
  return latitude >= bounds.south && latitude <= bounds.north && longitude >= bounds.west && longitude <= bounds.east;
}

/**
 * Makes a function returning a new random taxi trip on each call. Deterministic for a seed:
 * it uses its own PRNG (mulberry32), never Math.random, so tests and replays see the same trips.
 */
export function createTripGenerator(options: TripGeneratorOptions = {}): () => TaxiTrip {
  const city = CITY_PROFILES[options.city ?? 'new-york'];
  const now = options.now ?? Date.now;
  const random = mulberry32(options.seed ?? randomSeed());
  const { bounds, tariff } = city;

  const between = (min: number, max: number): number => min + random() * (max - min);
  const randomPoint = (): [number, number] => [between(bounds.south, bounds.north), between(bounds.west, bounds.east)];

  // Most taxi trips are short: an exponential distance with a floor, heading anywhere.
  // A destination outside the box is drawn again; after a few misses any point in the box will do.
  const dropoffNear = (lat: number, lon: number): [number, number] => {
    for (let tries = 0; tries < 8; tries += 1) {
      const km = Math.min(25, 0.8 - Math.log(1 - random()) * 4);
      const [dLat, dLon] = offsetDegrees(lat, km, random() * 2 * Math.PI);
      if (isWithinBounds(bounds, lat + dLat, lon + dLon)) return [lat + dLat, lon + dLon];
    }
    return randomPoint();
  };

  return () => {
    const [pickupLatitude, pickupLongitude] = randomPoint().map(roundCoordinate) as [number, number];
    const [dropoffLatitude, dropoffLongitude] = dropoffNear(pickupLatitude, pickupLongitude).map(roundCoordinate) as [
      number,
      number,
    ];
    const tripDistanceKm = round(
      haversineKm(pickupLatitude, pickupLongitude, dropoffLatitude, dropoffLongitude) * city.roadFactor,
      0.01,
    );
    const speedKmh = between(city.speedKmh.min, city.speedKmh.max);
    // At least a minute: even a trip round the block takes that long with getting in and out.
    const durationSeconds = Math.max(60, Math.round((tripDistanceKm / speedKmh) * 3600));
    const dropoffMs = Math.floor(now() / 1000) * 1000;
    const fareAmount = round(
      tariff.base + tariff.perKm * tripDistanceKm + tariff.perMinute * (durationSeconds / 60),
      tariff.roundTo,
    );
    return {
      tripId: uuidFrom(random),
      vendorId: random() < 0.5 ? 1 : 2,
      pickupTime: new Date(dropoffMs - durationSeconds * 1000).toISOString(),
      dropoffTime: new Date(dropoffMs).toISOString(),
      pickupLatitude,
      pickupLongitude,
      dropoffLatitude,
      dropoffLongitude,
      passengerCount: pick(random, PASSENGER_WEIGHTS),
      tripDistanceKm,
      fareAmount,
      paymentType: pick(random, PAYMENT_WEIGHTS),
      city: city.name,
    };
  };
}

// Roughly the shape of NYC TLC data: most rides carry one passenger, most are paid by card.
const PASSENGER_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 0.7],
  [2, 0.14],
  [3, 0.05],
  [4, 0.03],
  [5, 0.05],
  [6, 0.03],
];
const PAYMENT_WEIGHTS: readonly (readonly [TaxiTrip['paymentType'], number])[] = [
  ['card', 0.65],
  ['cash', 0.25],
  ['mobile', 0.1],
];

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let r = random();
  for (const [value, weight] of weighted) {
    if (r < weight) return value;
    r -= weight;
  }
  // Floating-point leftovers land on the last choice.
  return weighted[weighted.length - 1]![0];
}

/** Degrees of latitude and longitude for moving `km` along `bearing` (radians) from latitude `lat`. */
function offsetDegrees(lat: number, km: number, bearing: number): [number, number] {
  const kmPerDegreeLat = (Math.PI / 180) * EARTH_RADIUS_KM;
  const kmPerDegreeLon = kmPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  return [(km * Math.cos(bearing)) / kmPerDegreeLat, (km * Math.sin(bearing)) / kmPerDegreeLon];
}

/** Six decimals is about 10 cm: what GPS-derived taxi data carries. */
function roundCoordinate(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

function round(value: number, step: number): number {
  // Dividing by the inverse keeps 0.01 steps exact in binary floating point (12.34, not 12.340000000000002).
  const inverse = 1 / step;
  return Number.isInteger(inverse) ? Math.round(value * inverse) / inverse : Math.round(value / step) * step;
}

/** An RFC 4122 version-4-shaped id from the PRNG, so ids are unique per seed yet reproducible. */
function uuidFrom(random: () => number): string {
  const words = [0, 0, 0, 0].map(() => Math.floor(random() * 0x1_0000_0000));
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}


function randomSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000);
}

// The checks look for isTaxiTrip next to the generator whose output it must accept.
export { isTaxiTrip } from './taxi-trip-shape.js';
