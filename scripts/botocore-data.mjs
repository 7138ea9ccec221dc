// Where the installed botocore keeps its service models (the pip AWS CLI and boto3 ship it), for the
// scripts that generate the sandbox's region list and Kinesis validation model from AWS's own data.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** botocore's data folder, or undefined with the reason when no botocore is installed. */
export function botocoreData() {
  const fromEnv = process.env.BOTOCORE_DATA;
  if (fromEnv) return existsSync(fromEnv) ? { dir: fromEnv } : { reason: `BOTOCORE_DATA=${fromEnv} does not exist` };
  try {
    const out = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [folder, version] = out.trim().split('\n');
    return { dir: join(folder, 'data'), version };
  } catch {
    return { reason: 'python3 with botocore is not installed (pip install awscli or boto3)' };
  }
}

/** A JSON file from botocore's data folder, gunzipped when it is stored as .json.gz. */
export function readBotocoreJson(dir, relative) {
  const plain = join(dir, relative);
  if (existsSync(plain)) return JSON.parse(readFileSync(plain, 'utf8'));
  return JSON.parse(gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8'));
}
