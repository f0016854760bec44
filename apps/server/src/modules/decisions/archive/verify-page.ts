// The script of verify.html (bundled into it at export, issue 14 §5): choose the archive, and the same checks as
// `npm run verify-archive` run here in the browser — no server, no network.
import { verifyArchive } from './verify-core.js';

const input = document.getElementById('file') as HTMLInputElement;
const out = document.getElementById('result') as HTMLDivElement;
input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  out.className = '';
  out.textContent = '正在核验… / Checking…';
  // Read in slices (File.slice): a gigabyte of audio is hashed as it is read, never loaded whole.
  const r = await verifyArchive({
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  });
  out.className = r.ok ? 'ok' : 'bad';
  out.replaceChildren();
  const line = (text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    out.append(p);
  };
  if (r.ok) {
    line(`核验通过：会议 ${r.meetingId}，本单位第 ${r.seq} 号封存，各文件与签名一致。`);
    line(`Intact: meeting ${r.meetingId}, seal no. ${r.seq}; every file and signature checks out.`);
    line(`${r.algorithm ?? 'SHA-256'} ${r.digest}`);
  } else {
    line('核验未通过 / The check failed:');
    for (const p of r.problems) line(`· ${p.zh} / ${p.en}`);
  }
});
