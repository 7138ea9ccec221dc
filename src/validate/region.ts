import type { Localized } from '../i18n/lang.js';
import { editDistance } from './edit-distance.js';
import { invalid, quoted, valid, type Validation } from './validation-error.js';

/** One AWS region: its code and the name the console shows. */
export interface KnownRegion {
  code: string;
  name: Localized;
}

/**
 * The regions of the aws, aws-cn and aws-us-gov partitions plus the European Sovereign Cloud,
 * as listed by the SDK's partition data (@aws-sdk/core 3.x, 2026). Add a region here when AWS opens
 * one: an unknown code is rejected with a "did you mean", because a typo such as `ap-northest-2`
 * looks well-formed and would otherwise fail later as a DNS error.
 */
export const KNOWN_REGIONS: readonly KnownRegion[] = [
  r('us-east-1', 'US East (N. Virginia)', '미국 동부(버지니아 북부)'),
  r('us-east-2', 'US East (Ohio)', '미국 동부(오하이오)'),
  r('us-west-1', 'US West (N. California)', '미국 서부(캘리포니아 북부)'),
  r('us-west-2', 'US West (Oregon)', '미국 서부(오레곤)'),
  r('af-south-1', 'Africa (Cape Town)', '아프리카(케이프타운)'),
  r('ap-east-1', 'Asia Pacific (Hong Kong)', '아시아 태평양(홍콩)'),
  r('ap-east-2', 'Asia Pacific (Taipei)', '아시아 태평양(타이베이)'),
  r('ap-northeast-1', 'Asia Pacific (Tokyo)', '아시아 태평양(도쿄)'),
  r('ap-northeast-2', 'Asia Pacific (Seoul)', '아시아 태평양(서울)'),
  r('ap-northeast-3', 'Asia Pacific (Osaka)', '아시아 태평양(오사카)'),
  r('ap-south-1', 'Asia Pacific (Mumbai)', '아시아 태평양(뭄바이)'),
  r('ap-south-2', 'Asia Pacific (Hyderabad)', '아시아 태평양(하이데라바드)'),
  r('ap-southeast-1', 'Asia Pacific (Singapore)', '아시아 태평양(싱가포르)'),
  r('ap-southeast-2', 'Asia Pacific (Sydney)', '아시아 태평양(시드니)'),
  r('ap-southeast-3', 'Asia Pacific (Jakarta)', '아시아 태평양(자카르타)'),
  r('ap-southeast-4', 'Asia Pacific (Melbourne)', '아시아 태평양(멜버른)'),
  r('ap-southeast-5', 'Asia Pacific (Malaysia)', '아시아 태평양(말레이시아)'),
  r('ap-southeast-6', 'Asia Pacific (New Zealand)', '아시아 태평양(뉴질랜드)'),
  r('ap-southeast-7', 'Asia Pacific (Thailand)', '아시아 태평양(태국)'),
  r('ca-central-1', 'Canada (Central)', '캐나다(중부)'),
  r('ca-west-1', 'Canada West (Calgary)', '캐나다 서부(캘거리)'),
  r('eu-central-1', 'Europe (Frankfurt)', '유럽(프랑크푸르트)'),
  r('eu-central-2', 'Europe (Zurich)', '유럽(취리히)'),
  r('eu-north-1', 'Europe (Stockholm)', '유럽(스톡홀름)'),
  r('eu-south-1', 'Europe (Milan)', '유럽(밀라노)'),
  r('eu-south-2', 'Europe (Spain)', '유럽(스페인)'),
  r('eu-west-1', 'Europe (Ireland)', '유럽(아일랜드)'),
  r('eu-west-2', 'Europe (London)', '유럽(런던)'),
  r('eu-west-3', 'Europe (Paris)', '유럽(파리)'),
  r('il-central-1', 'Israel (Tel Aviv)', '이스라엘(텔아비브)'),
  r('me-central-1', 'Middle East (UAE)', '중동(UAE)'),
  r('me-south-1', 'Middle East (Bahrain)', '중동(바레인)'),
  r('me-west-1', 'Middle East (Saudi Arabia)', '중동(사우디아라비아)'),
  r('mx-central-1', 'Mexico (Central)', '멕시코(중부)'),
  r('sa-east-1', 'South America (Sao Paulo)', '남아메리카(상파울루)'),
  r('sa-west-1', 'South America (Chile)', '남아메리카(칠레)'),
  r('cn-north-1', 'China (Beijing)', '중국(베이징)'),
  r('cn-northwest-1', 'China (Ningxia)', '중국(닝샤)'),
  r('us-gov-east-1', 'AWS GovCloud (US-East)', 'AWS GovCloud(미국 동부)'),
  r('us-gov-west-1', 'AWS GovCloud (US-West)', 'AWS GovCloud(미국 서부)'),
  r('eusc-de-east-1', 'AWS European Sovereign Cloud (Germany)', 'AWS 유럽 소버린 클라우드(독일)'),
];

function r(code: string, en: string, ko: string): KnownRegion {
  return { code, name: { en, ko } };
}

/** Place names learners type instead of a code (`seoul`, `서울`), lower-cased, spaces and dots removed. */
const PLACE_NAMES: Record<string, string> = {
  seoul: 'ap-northeast-2', 서울: 'ap-northeast-2', korea: 'ap-northeast-2', 한국: 'ap-northeast-2',
  tokyo: 'ap-northeast-1', 도쿄: 'ap-northeast-1', osaka: 'ap-northeast-3', 오사카: 'ap-northeast-3',
  virginia: 'us-east-1', nvirginia: 'us-east-1', 버지니아: 'us-east-1', ohio: 'us-east-2', 오하이오: 'us-east-2',
  california: 'us-west-1', ncalifornia: 'us-west-1', oregon: 'us-west-2', 오레곤: 'us-west-2', 오리건: 'us-west-2',
  singapore: 'ap-southeast-1', 싱가포르: 'ap-southeast-1', sydney: 'ap-southeast-2', 시드니: 'ap-southeast-2',
  mumbai: 'ap-south-1', 뭄바이: 'ap-south-1', hongkong: 'ap-east-1', 홍콩: 'ap-east-1',
  frankfurt: 'eu-central-1', 프랑크푸르트: 'eu-central-1', ireland: 'eu-west-1', 아일랜드: 'eu-west-1',
  london: 'eu-west-2', 런던: 'eu-west-2', paris: 'eu-west-3', 파리: 'eu-west-3', stockholm: 'eu-north-1',
  jakarta: 'ap-southeast-3', melbourne: 'ap-southeast-4', saopaulo: 'sa-east-1', 상파울루: 'sa-east-1',
};

/** Region codes look like `ap-northeast-2`: a partition prefix, words, and a number. */
const REGION_SYNTAX = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

const EXAMPLES: Localized = {
  en: 'use a region code such as ap-northeast-2 (Seoul) or us-east-1 (N. Virginia).',
  ko: 'ap-northeast-2(서울), us-east-1(버지니아 북부) 같은 리전 코드를 쓰세요.',
};

export function isKnownRegion(code: string): boolean {
  return KNOWN_REGIONS.some((region) => region.code === code);
}

export function regionName(code: string): Localized | undefined {
  return KNOWN_REGIONS.find((region) => region.code === code)?.name;
}

/**
 * Checks a region code before any call. Typos get a "did you mean" (`ap-northeast2`, `us-east1`,
 * `AP-NORTHEAST-2`), place names their code (`seoul`), and Availability Zones their region
 * (`ap-northeast-2a`).
 */
export function validateRegion(input: string): Validation<string> {
  if (isKnownRegion(input)) return valid(input);
  const shown = quoted(input);
  const text = input.trim().toLowerCase();
  if (text === '') return invalid(input, { en: `Region is empty; ${EXAMPLES.en}`, ko: `리전이 비어 있습니다. ${EXAMPLES.ko}` });

  const zoneOf = /^([a-z]{2,4}(?:-[a-z]+)+-\d{1,2})[a-z]$/.exec(text)?.[1];
  if (zoneOf !== undefined && isKnownRegion(zoneOf)) {
    return invalid(input, {
      en: `${shown} is an Availability Zone, not a region; use "${zoneOf}".`,
      ko: `${shown} 값은 리전이 아니라 가용 영역(AZ) 이름입니다. 리전 코드로 "${zoneOf}" 값을 쓰세요.`,
    });
  }

  const place = PLACE_NAMES[text.replace(/[\s.]/g, '')];
  if (place !== undefined) {
    const name = regionName(place);
    return invalid(input, {
      en: `Region ${shown} is a place name; the code of ${name?.en ?? place} is "${place}".`,
      ko: `리전 ${shown} 값은 리전 코드가 아니라 장소 이름입니다. ${name?.ko ?? place} 리전의 코드는 "${place}"입니다.`,
    });
  }

  const suggestions = suggestRegions(text);
  if (suggestions.length > 0) {
    const listed = suggestions.map((code) => `"${code}"`);
    return invalid(input, {
      en: `Region ${shown} is not an AWS region code; did you mean ${listed.join(' or ')}?`,
      ko: `리전 ${shown} 값은 AWS 리전 코드가 아닙니다. 혹시 ${listed.join(' 또는 ')} 리전을 말씀하신 건가요?`,
    });
  }
  if (REGION_SYNTAX.test(text)) {
    return invalid(input, {
      en: `Region ${shown} is not a region this lab knows; ${EXAMPLES.en}`,
      ko: `리전 ${shown} 값은 이 실습이 아는 리전이 아닙니다. ${EXAMPLES.ko}`,
    });
  }
  return invalid(input, { en: `Region ${shown} is not an AWS region code; ${EXAMPLES.en}`, ko: `리전 ${shown} 값은 AWS 리전 코드가 아닙니다. ${EXAMPLES.ko}` });
}

/**
 * Known region codes within two edits of the input, closest first, at most two. Hyphens are
 * compared both as typed and removed, so `apnortheast2` still finds `ap-northeast-2`.
 */
export function suggestRegions(input: string): string[] {
  const text = input.trim().toLowerCase();
  const bare = text.replace(/-/g, '');
  const scored = KNOWN_REGIONS.map(({ code }) => ({
    code,
    distance: Math.min(editDistance(text, code), editDistance(bare, code.replace(/-/g, ''))),
  })).filter(({ distance }) => distance <= 2);
  const best = Math.min(...scored.map(({ distance }) => distance));
  return scored
    .filter(({ distance }) => distance === best)
    .slice(0, 2)
    .map(({ code }) => code);
}
