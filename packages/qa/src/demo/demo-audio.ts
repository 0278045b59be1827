/**
 * A short WAV recording generated in code (8 kHz, 16-bit mono PCM): a few "syllables" of tones with
 * soft envelopes, different per `variant`, so the demo has real playable audio without shipping files.
 */
export function demoRecording(variant: number, seconds = 4): Buffer {
  const sampleRate = 8000;
  const samples = Math.round(sampleRate * seconds);
  const data = Buffer.alloc(samples * 2);
  const base = 180 + (variant % 5) * 40;
  const syllable = Math.round(sampleRate * 0.25);
  for (let i = 0; i < samples; i++) {
    const index = Math.floor(i / syllable);
    const within = (i % syllable) / syllable;
    const pause = (index + variant) % 4 === 3;
    const frequency = base * (1 + (((index * 7 + variant) % 5) - 2) * 0.08);
    const envelope = pause ? 0 : Math.sin(Math.PI * within) ** 2;
    const t = i / sampleRate;
    const value = envelope * (0.5 * Math.sin(2 * Math.PI * frequency * t) + 0.2 * Math.sin(4 * Math.PI * frequency * t) + 0.1 * Math.sin(6 * Math.PI * frequency * t));
    data.writeInt16LE(Math.round(value * 0.6 * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
