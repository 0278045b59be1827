import { useCallback, useEffect, useRef, useState } from "react";

/** Where the sound switch is remembered (per browser). */
export const ALARM_SOUND_KEY = "civicline.chasing.sound";

function readSoundOn(): boolean {
  try {
    return window.localStorage.getItem(ALARM_SOUND_KEY) !== "off";
  } catch {
    return true;
  }
}

type AudioContextClass = new () => AudioContext;

/** A short two-tone beep through Web Audio; silent where the browser has no audio or blocks it. */
export function beep(): boolean {
  const Context = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as AudioContextClass | undefined;
  if (!Context) {
    return false;
  }
  try {
    const context = new Context();
    const gain = context.createGain();
    gain.gain.value = 0.15;
    gain.connect(context.destination);
    [880, 660].forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(context.currentTime + index * 0.22);
      oscillator.stop(context.currentTime + index * 0.22 + 0.18);
    });
    window.setTimeout(() => void context.close().catch(() => undefined), 800);
    return true;
  } catch {
    return false;
  }
}

/**
 * The board's alarm: beeps when the number of urgent tickets not dispatched in time grows (unless
 * switched off; the switch is remembered), and puts that number in the browser tab's title, e.g.
 * "(2) 督办看板". The title is restored when the board closes.
 */
export function useAlarm(alarmCount: number | null, title: string, play: () => boolean = beep) {
  const [soundOn, setSoundOnState] = useState(readSoundOn);
  const previous = useRef<number | null>(null);
  const [beeps, setBeeps] = useState(0);

  const setSoundOn = useCallback((on: boolean) => {
    setSoundOnState(on);
    try {
      window.localStorage.setItem(ALARM_SOUND_KEY, on ? "on" : "off");
    } catch {
      // private mode: the switch holds for this page only
    }
  }, []);

  useEffect(() => {
    if (alarmCount === null) {
      return;
    }
    const before = previous.current;
    previous.current = alarmCount;
    if (soundOn && alarmCount > 0 && (before === null || alarmCount > before)) {
      if (play()) {
        setBeeps((n) => n + 1);
      }
    }
  }, [alarmCount, soundOn, play]);

  useEffect(() => {
    const original = document.title;
    return () => {
      document.title = original;
    };
  }, []);
  useEffect(() => {
    document.title = alarmCount ? `(${alarmCount}) ${title}` : title;
  }, [alarmCount, title]);

  return { soundOn, setSoundOn, beeps };
}
