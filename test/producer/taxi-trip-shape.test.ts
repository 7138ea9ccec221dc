import { describe, expect, it } from 'vitest';
import { isTaxiTrip } from '../../src/producer/taxi-trip-shape.js';

describe('isTaxiTrip accepts taxi-shaped JSON under the names learners use', () => {
  it.each([
    [
      "the workshop script's camelCase, coordinates as strings with stray whitespace",
      {
        id: 'id4211437',
        vendorId: 2,
        pickupDate: '2025-06-01T12:00:00.000000',
        dropoffDate: '2025-06-01T12:45:00.000000',
        passengerCount: 3,
        pickupLongitude: '-73.98544312',
        pickupLatitude: '\t40.73571014',
        dropoffLongitude: '-73.99013519',
        dropoffLatitude: ' 40.74885178',
        storeAndFwdFlag: 0,
        gcDistance: 3,
        tripDuration: 1200,
      },
    ],
    [
      'classic NYC yellow-taxi snake_case',
      {
        VendorID: 1,
        tpep_pickup_datetime: '2015-01-15 19:05:39',
        tpep_dropoff_datetime: '2015-01-15 19:23:42',
        passenger_count: 1,
        trip_distance: 1.59,
        pickup_longitude: -73.993896484375,
        pickup_latitude: 40.750110626220703,
        RateCodeID: 1,
        store_and_fwd_flag: 'N',
        dropoff_longitude: -73.974784851074219,
        dropoff_latitude: 40.750617980957031,
        payment_type: 1,
        fare_amount: 12,
      },
    ],
    [
      'NYC green-taxi capitalised names',
      { Pickup_longitude: -73.94, Pickup_latitude: 40.81, Dropoff_longitude: -73.95, Dropoff_latitude: 40.82 },
    ],
    ['short names', { pickup_lat: 37.5, pickup_lng: 127.0, dropoff_lat: 37.55, dropoff_lng: 127.05 }],
    ['start/end names in kebab case', { 'start-lat': 37.5, 'start-lon': 127, 'end-lat': 37.6, 'end-lon': 127.1 }],
    ['our own TaxiTrip names', { pickupLatitude: 40.7, pickupLongitude: -74, dropoffLatitude: 40.71, dropoffLongitude: -73.99 }],
    ['upper case', { PICKUP_LATITUDE: 40.7, PICKUP_LONGITUDE: -74, DROPOFF_LATITUDE: 40.71, DROPOFF_LONGITUDE: -73.99 }],
    ['nested points', { pickup: { lat: 40.7, lng: -74 }, dropoff: { latitude: 40.71, longitude: -73.99 } }],
    ['nested locations', { pickup_location: { Latitude: '40.7', Longitude: '-74' }, dropoffLocation: { lat: 40.71, lon: -73.99 } }],
    ['NYC taxi-zone ids (TLC data since 2016)', { tpep_pickup_datetime: '2023-01-01 00:32:10', PULocationID: 161, DOLocationID: 141, fare_amount: 9.3 }],
    ['zone ids as strings', { pickup_location_id: '161', dropoff_location_id: '141' }],
  ])('%s', (_name, value) => {
    expect(isTaxiTrip(value)).toBe(true);
  });
});

describe('isTaxiTrip rejects other JSON', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'pickup_latitude'],
    ['an array of trips', [{ pickup_lat: 1, pickup_lng: 1, dropoff_lat: 1, dropoff_lng: 1 }]],
    ['an empty object', {}],
    ['a user profile', { name: 'Kim', email: 'kim@example.com', age: 31 }],
    ['a clickstream event', { userId: 'u1', page: '/cart', ts: 1717243200 }],
    ['a single point', { latitude: 40.7, longitude: -74 }],
    ['only a pickup', { pickup_latitude: 40.7, pickup_longitude: -74, fare_amount: 12 }],
    ['a dropoff without a longitude', { pickup_latitude: 40.7, pickup_longitude: -74, dropoff_latitude: 40.71 }],
    ['a latitude out of range', { pickup_latitude: 140.7, pickup_longitude: -74, dropoff_latitude: 40.71, dropoff_longitude: -73.99 }],
    ['a longitude out of range', { pickup_latitude: 40.7, pickup_longitude: -274, dropoff_latitude: 40.71, dropoff_longitude: -73.99 }],
    ['non-numeric coordinates', { pickup_latitude: 'north', pickup_longitude: -74, dropoff_latitude: 40.71, dropoff_longitude: -73.99 }],
    ['empty-string coordinates', { pickup_latitude: '', pickup_longitude: '', dropoff_latitude: '', dropoff_longitude: '' }],
    ['null coordinates', { pickup_latitude: null, pickup_longitude: null, dropoff_latitude: null, dropoff_longitude: null }],
    ['a weather reading', { station_latitude: 40.7, station_longitude: -74, temperature: 21 }],
    ['one zone id only', { PULocationID: 161, fare_amount: 9.3 }],
    ['negative zone ids', { PULocationID: -1, DOLocationID: 141 }],
  ])('%s', (_name, value) => {
    expect(isTaxiTrip(value)).toBe(false);
  });
});
