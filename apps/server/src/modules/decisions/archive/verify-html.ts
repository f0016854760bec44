// verify.html (issue 14 §5): one self-contained page — the verifier (verify-core.ts with fflate) bundled in by
// esbuild once per process, no external script, style or request — that checks an archive chosen from disk.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let cached: Promise<{ html: string; scriptSha256: string }> | undefined;

export async function verifyHtml(): Promise<string> {
  return (await verifyPage()).html;
}

/** The page and the SHA-256 of its one inline script (for the CSP of the page served at /verify, issue 14 §8). */
export function verifyPage(): Promise<{ html: string; scriptSha256: string }> {
  cached ??= bundle();
  return cached;
}

async function bundle(): Promise<{ html: string; scriptSha256: string }> {
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), `verify-page${path.extname(here)}`);
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    legalComments: 'inline',
    logLevel: 'warning',
  });
  const script = out.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const scriptSha256 = createHash('sha256').update(script).digest('base64');
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>明鉴 · 会议归档核验 Archive check</title>
<style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;max-width:760px;margin:48px auto;padding:0 16px;color:#222}
h1{font-size:22px;color:#8b0000}#result{margin-top:24px;padding:12px 16px;border-radius:6px;background:#f5f5f5}
#result.ok{background:#f0fff0;border:1px solid #7cc47c}#result.bad{background:#fff1f0;border:1px solid #e88}</style>
</head><body>
<h1>会议归档核验 · Meeting archive check</h1>
<p>选择导出的会议归档（.zip），在本机浏览器中核验清单、各文件摘要、封存签名与链接；不连接任何服务器。<br>
Choose the exported archive (.zip): the manifest, every file's digest, the seal's signature and its link are checked
here, in this browser, with no server.</p>
<input type="file" id="file" accept=".zip" data-testid="archive-file">
<div id="result" data-testid="result">尚未选择文件 / No file chosen</div>
<script>${script}</script>
</body></html>
`;
  return { html, scriptSha256 };
}
