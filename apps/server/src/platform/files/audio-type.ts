// The type of an audio recording (issue 14 §3, M-33), read from its first bytes, never from its name: MP3 (an ID3 tag
// or an MPEG audio frame), AAC (an ADTS frame), M4A (an ISO media file of an audio brand), WAV (RIFF…WAVE) and Ogg
// (Opus or Vorbis in its first page). 64 bytes are enough for every one of them.
export const AUDIO_TYPES = {
  'audio/mpeg': { label: 'MP3', extensions: ['mp3'] },
  'audio/aac': { label: 'AAC', extensions: ['aac'] },
  'audio/mp4': { label: 'M4A', extensions: ['m4a', 'mp4'] },
  'audio/wav': { label: 'WAV', extensions: ['wav'] },
  'audio/ogg': { label: 'Ogg', extensions: ['ogg', 'oga', 'opus'] },
} as const;
export type AudioType = keyof typeof AUDIO_TYPES;
export const AUDIO_SNIFF_BYTES = 64;

const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', 'iso5', 'dash']);

export function detectAudio(b: Buffer): AudioType | null {
  if (b.length < 12) return null;
  const ascii = (from: number, to: number) => b.toString('latin1', from, to);
  if (ascii(0, 3) === 'ID3') return 'audio/mpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(4, 8) === 'ftyp' && M4A_BRANDS.has(ascii(8, 12))) return 'audio/mp4';
  if (ascii(0, 4) === 'OggS' && b.length >= 36) {
    const codec = ascii(28, 36);
    return codec === 'OpusHead' || codec.slice(1, 7) === 'vorbis' ? 'audio/ogg' : null;
  }
  if (b[0] === 0xff) {
    if ((b[1] & 0xf6) === 0xf0) return 'audio/aac'; // ADTS: sync, layer 00
    // MPEG audio: 11 sync bits, a version other than "reserved", a layer, a bitrate and a sampling rate that exist.
    const version = (b[1] >> 3) & 3;
    const layer = (b[1] >> 1) & 3;
    const bitrate = b[2] >> 4;
    const rate = (b[2] >> 2) & 3;
    if ((b[1] & 0xe0) === 0xe0 && version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3)
      return 'audio/mpeg';
  }
  return null;
}

export function audioExtensionFits(name: string, type: AudioType): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return (AUDIO_TYPES[type].extensions as readonly string[]).includes(ext);
}
