import { validateStreamName } from '../validate/stream-name.js';
import { named, type CatalogEntry, type DiagnoseInput } from './catalog-entry.js';

const VALIDATION_NAMES = [
  'ValidationException',
  'InvalidArgumentException',
  'InvalidParameterValueException',
  'InvalidParameterValue',
  'InvalidParameterCombinationException',
  'InvalidParameterCombination',
  'MissingRequiredParameterException',
  'MissingParameter',
  'SerializationException',
];

/** One "Value 'X' at 'field' failed to satisfy constraint: …" clause of a ValidationException. */
interface FieldProblem {
  field: string;
  value?: string;
  constraint: string;
}

/** AWS lists each failed field as "Value ['X'] at 'path' failed to satisfy constraint: Member must …". */
export function fieldProblems(message: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const clause = /Value(?: '((?:[^']|'(?! at '))*)')?(?: null)? at '([^']+)' failed to satisfy constraint: ([^;]*)/g;
  for (const match of message.matchAll(clause)) {
    const [, value, field = '', constraint = ''] = match;
    const problem: FieldProblem = { field, constraint: constraint.trim() };
    if (value !== undefined) problem.value = value;
    problems.push(problem);
  }
  return problems;
}

function problemAt(input: DiagnoseInput, field: RegExp): FieldProblem | undefined {
  return fieldProblems(input.error.message).find((problem) => field.test(problem.field));
}

function isValidation(input: DiagnoseInput): boolean {
  return named(input, ...VALIDATION_NAMES);
}

/** "Records size exceeds 5 MB limit" (InvalidArgumentException): the whole PutRecords request is too big. */
const requestTooLarge: CatalogEntry = {
  kind: 'request-too-large',
  matches: (input) => isValidation(input) && /Records size exceeds|request (?:payload |body )?(?:size|too large)/i.test(input.error.message),
  diagnose: ({ error }) => {
    const mb = /exceeds (\d+) ?MB/i.exec(error.message)?.[1];
    return {
      kind: 'request-too-large',
      what: { en: `The PutRecords request is larger than ${mb ? `the ${mb} MB limit` : 'its size limit'}.`, ko: `PutRecords 요청 하나가 ${mb ? `${mb}MB 한도` : '크기 한도'}보다 큽니다.` },
      why: {
        en: 'One PutRecords request holds at most 500 records and a size limit for all of them together (5 MiB for older streams and documentation, 10 MiB in the current API), counting partition keys and data.',
        ko: 'PutRecords 요청 하나에는 레코드 500개까지, 그리고 파티션 키와 데이터를 합친 전체 크기 한도(예전 문서와 스트림 기준 5MiB, 현재 API 기준 10MiB)가 있습니다.',
      },
      fix: {
        en: 'Send smaller batches: lower --batch-size, or split by size as well as by count before each call.',
        ko: '배치를 작게 나누세요. --batch-size를 줄이거나, 호출 전에 개수뿐 아니라 크기로도 나누세요.',
      },
    };
  },
};

/** "Value at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576". */
const recordTooLarge: CatalogEntry = {
  kind: 'record-too-large',
  matches: (input) =>
    isValidation(input) && (problemAt(input, /(^|\.)data$/) !== undefined || /record size|record is too large|maximum record size/i.test(input.error.message)),
  diagnose: (input) => {
    const limit = /less than or equal to (\d+)/.exec(problemAt(input, /(^|\.)data$/)?.constraint ?? '')?.[1];
    const limitText = limit ? `${Number(limit).toLocaleString('en-US')} bytes` : '1 MiB';
    return {
      kind: 'record-too-large',
      what: { en: `A record is larger than the stream accepts (${limitText}).`, ko: `레코드 하나가 스트림이 받을 수 있는 크기(${limitText})보다 큽니다.` },
      why: {
        en: 'A record is its partition key plus its data before base64; the limit is 1 MiB unless the stream was set to allow more (up to 10 MiB, MaxRecordSizeInKiB).',
        ko: '레코드 크기는 파티션 키와 base64 인코딩 전 데이터를 합친 크기입니다. 스트림에서 더 크게 설정하지 않았다면(MaxRecordSizeInKiB, 최대 10MiB) 한도는 1MiB입니다.',
      },
      fix: {
        en: 'Send smaller records: split the payload, compress it, or store large objects in S3 and send a reference to them.',
        ko: '레코드를 작게 만드세요. 내용을 나누거나, 압축하거나, 큰 객체는 S3에 두고 그 위치만 보내세요.',
      },
    };
  },
};

/** "Value 'my stream' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+" */
const badStreamName: CatalogEntry = {
  kind: 'bad-stream-name',
  matches: (input) => isValidation(input) && problemAt(input, /(^|\.)streamName$/i) !== undefined,
  diagnose: (input) => {
    const value = problemAt(input, /(^|\.)streamName$/i)?.value ?? input.ctx.stream;
    const checked = validateStreamName(value);
    const rule = checked.ok
      ? { en: `Stream name "${value}" breaks AWS's rule; use letters, digits, _ . - (1–128 characters).`, ko: `스트림 이름 "${value}" 값이 AWS 규칙에 맞지 않습니다. 영문자, 숫자, _ . - 만 쓸 수 있습니다(1–128자).` }
      : checked.message;
    return {
      kind: 'bad-stream-name',
      what: { en: 'AWS refused the stream name.', ko: 'AWS가 스트림 이름을 거부했습니다.' },
      why: rule,
      fix: {
        en: 'Use a name such as input-stream (the lab\'s default), and use the same name in your own script: --stream NAME.',
        ko: 'input-stream(실습 기본값) 같은 이름을 쓰고, 직접 작성한 스크립트에도 같은 이름을 쓰세요: --stream 이름.',
      },
    };
  },
};

/** "Value '' at 'partitionKey' …: Member must have length greater than or equal to 1" (or ≤ 256). */
const badPartitionKey: CatalogEntry = {
  kind: 'bad-partition-key',
  matches: (input) => isValidation(input) && problemAt(input, /partitionKey$/i) !== undefined,
  diagnose: () => ({
    kind: 'bad-partition-key',
    what: { en: 'A record has an empty or too long partition key.', ko: '레코드의 파티션 키가 비어 있거나 너무 깁니다.' },
    why: {
      en: 'A partition key must be 1 to 256 characters; Kinesis hashes it to pick the shard.',
      ko: '파티션 키는 1~256자여야 합니다. Kinesis는 이 키의 해시로 샤드를 정합니다.',
    },
    fix: {
      en: 'Give every record a non-empty key of at most 256 characters, such as a trip ID or a vendor ID.',
      ko: '모든 레코드에 256자 이하의 비어 있지 않은 키(예: 운행 ID, 업체 ID)를 넣으세요.',
    },
  }),
};

/** "Value '[…]' at 'records' …: Member must have length less than or equal to 500". */
const tooManyRecords: CatalogEntry = {
  kind: 'too-many-records',
  matches: (input) => isValidation(input) && problemAt(input, /^records$/) !== undefined,
  diagnose: () => ({
    kind: 'too-many-records',
    what: { en: 'The PutRecords request has the wrong number of records.', ko: 'PutRecords 요청의 레코드 개수가 잘못되었습니다.' },
    why: { en: 'One PutRecords request carries 1 to 500 records.', ko: 'PutRecords 요청 하나에는 레코드를 1~500개 담을 수 있습니다.' },
    fix: { en: 'Split the records into batches of at most 500 (--batch-size 500).', ko: '레코드를 500개 이하의 배치로 나누세요(--batch-size 500).' },
  }),
};

/** Any other ValidationException / InvalidArgumentException: show AWS's own words and the fields they name. */
const invalidArgument: CatalogEntry = {
  kind: 'invalid-argument',
  matches: isValidation,
  diagnose: ({ error, ctx }) => {
    const fields = fieldProblems(error.message).map((problem) => problem.field);
    const call = ctx.operation ?? 'the call';
    return {
      kind: 'invalid-argument',
      what: {
        en: `AWS rejected a parameter of ${call}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}.`,
        ko: `AWS가 ${ctx.operation ?? '호출'}의 매개변수${fields.length > 0 ? `(${fields.join(', ')})` : ''}를 거부했습니다.`,
      },
      why: { en: `AWS said: ${error.message}`, ko: `AWS 메시지: ${error.message}` },
      fix: {
        en: 'Correct the value named above; the AWS CLI reference for the command lists each parameter\'s allowed values (aws kinesis help, aws pipes help).',
        ko: '위에서 말한 값을 고치세요. 매개변수마다 허용되는 값은 AWS CLI 도움말(aws kinesis help, aws pipes help)에 있습니다.',
      },
    };
  },
};

export const INVALID_INPUT_ENTRIES: readonly CatalogEntry[] = [requestTooLarge, recordTooLarge, badStreamName, badPartitionKey, tooManyRecords, invalidArgument];
