// `npm test` needs a few Debian packages besides node_modules: Chromium (the HTML report and the app's
// screens are tested in a real browser), a CJK font (without it Chinese renders as boxes, and PDFs with
// Chinese are made in tests) and LibreOffice Calc (the printed ledger is checked as a PDF). On a fresh
// machine run as root they are installed here; otherwise the test run stops at once with the one command.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'fonts-wqy-zenhei', present: () => existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc') },
  { pkg: 'libreoffice-calc-nogui', present: () => hasCommand('soffice') },
];

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    console.error(`测试需要以下系统软件包：${missing.join('、')}。请先运行：\n  sudo ${command}`);
    process.exit(1);
  }
  console.error(`安装测试所需的系统软件包：${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = needs.filter((n) => !n.present()).map((n) => n.pkg);
  if (still.length > 0) {
    console.error(`安装后仍缺少：${still.join('、')}`);
    process.exit(1);
  }
}
