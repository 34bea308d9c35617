/**
 * The optional end-of-time sound, made with the Web Audio API (no audio file to load). The context
 * is created on the person's click that switches the sound on, as browsers require a gesture.
 */
let context: AudioContext | null = null;

export function unlockChime(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = null; // no Web Audio: the visual end and the announcement remain
  }
}

/** Three soft descending tones, about a second in all. */
export function playChime(): void {
  if (!context) return;
  const start = context.currentTime + 0.02;
  [880, 660, 523].forEach((freq, i) => {
    const osc = context!.createOscillator();
    const gain = context!.createGain();
    const t = start + i * 0.3;
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.28);
    osc.connect(gain).connect(context!.destination);
    osc.start(t);
    osc.stop(t + 0.3);
  });
}

const SOUND_KEY = 'sammen.timerSound';

export function loadSoundPreference(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveSoundPreference(on: boolean): void {
  try {
    window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered
  }
}
