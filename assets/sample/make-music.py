# Generates Kinora's sample music: a calm 96 BPM piano-like arpeggio over pads, 32 s, 44.1 kHz stereo.
import numpy as np, wave
SR = 44100; BPM = 96; BEAT = 60 / BPM; DUR = 32.0
t = np.arange(int(SR * DUR)) / SR
out = np.zeros((len(t), 2))
def note(f, start, length, amp, pan, decay=3.0):
    i0 = int(start * SR); n = int(length * SR)
    if i0 >= len(t): return
    n = min(n, len(t) - i0)
    tt = np.arange(n) / SR
    env = np.minimum(1, tt / 0.01) * np.exp(-decay * tt)
    s = (np.sin(2*np.pi*f*tt) + 0.35*np.sin(4*np.pi*f*tt) + 0.12*np.sin(6*np.pi*f*tt)) * env * amp
    out[i0:i0+n, 0] += s * (1 - pan); out[i0:i0+n, 1] += s * pan
def hz(m): return 440 * 2 ** ((m - 69) / 12)
chords = [[57, 60, 64, 69], [53, 57, 60, 65], [48, 52, 55, 60], [55, 59, 62, 67]]  # Am F C G
bar = 4 * BEAT; b = 0; start = 0.0
while start < DUR:
    ch = chords[b % 4]
    for m in ch[:3]:
        note(hz(m - 12), start, bar + 0.5, 0.10, 0.5, decay=0.6)           # pad
    for k in range(8):                                                      # arpeggio in eighths
        m = ch[[0, 1, 2, 3, 2, 1, 3, 2][k]] + 12
        note(hz(m), start + k * BEAT / 2, 1.2, 0.16, 0.3 + 0.4 * (k % 2), decay=3.5)
    for k in range(4):                                                      # soft kick on each beat
        i0 = int((start + k * BEAT) * SR); n = min(int(0.15 * SR), len(t) - i0)
        if n > 0:
            tt = np.arange(n) / SR
            kick = np.sin(2*np.pi*(55 + 60*np.exp(-30*tt))*tt) * np.exp(-18*tt) * 0.35
            out[i0:i0+n] += kick[:, None]
    start += bar; b += 1
fade = np.minimum(1, (DUR - t) / 3.0)[:, None]
out *= fade * np.minimum(1, t / 0.5)[:, None]
out /= np.abs(out).max() / 0.8
pcm = (out * 32767).astype('<i2')
with wave.open('music.wav', 'wb') as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(SR); w.writeframes(pcm.tobytes())
