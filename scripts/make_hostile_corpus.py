#!/usr/bin/env python3
"""Writes a corpus of hostile files for SampleMind's reliability tests (python3 stdlib only).

    usage: make_hostile_corpus.py OUT_DIR [--sources DIR] [--no-long] [--long-only]

OUT_DIR/lib is the folder to scan; OUT_DIR/manifest.json counts the files by kind. The corpus:
truncated WAV/FLAC/OGG/MP3 at several points, headers with absurd values, 0-byte and 1-frame
files, a text file and a PNG named .wav, lmms-common's Vorbis-in-WAV .ogg files (when
/usr/share/lmms is installed), a 2-hour 96 kHz stereo WAV (sparse: a valid header, 10 s of
noise, then a hole), names with terminal escapes, newlines, invalid UTF-8, right-to-left
overrides and 250-byte components, a symlink loop, a FIFO, and an unreadable file and folder.

FLAC/OGG/MP3 sources for the truncations: `--sources DIR` holding source.flac, source.ogg and
source.mp3 (the Swift test writes them with libsndfile), else made from a WAV with
sndfile-convert (apt: sndfile-programs; libsndfile >= 1.1 writes MP3), ffmpeg or sox
(sox: FLAC and OGG only). A format with no source is skipped and listed under "skipped".
"""
import json, math, os, random, shutil, struct, subprocess, sys, zlib
from collections import Counter

LONG_SECONDS, LONG_RATE = 2 * 3600, 96000


def wav_bytes(frames, channels=1, rate=44100, bits=16, fmt_tag=1, data_size=None, riff_size=None,
              block_align=None, byte_rate=None):
    """A canonical WAV; every header field can be overridden with an absurd value."""
    width = max(bits // 8, 1)
    block = block_align if block_align is not None else channels * width
    data = frames
    size = len(data) if data_size is None else data_size
    fmt = struct.pack("<HHIIHH", fmt_tag, channels & 0xFFFF, rate & 0xFFFFFFFF,
                      (byte_rate if byte_rate is not None else rate * block) & 0xFFFFFFFF, block & 0xFFFF, bits & 0xFFFF)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", size & 0xFFFFFFFF) + data
    return b"RIFF" + struct.pack("<I", (len(body) if riff_size is None else riff_size) & 0xFFFFFFFF) + body


def tone(seconds, rate=44100, channels=1, hz=440.0, seed=1):
    """16-bit PCM frames: a decaying tone with a little noise (not silence, so analysis has work)."""
    rnd = random.Random(seed)
    out = bytearray()
    for i in range(int(seconds * rate)):
        v = 0.5 * math.sin(2 * math.pi * hz * i / rate) * math.exp(-3 * i / rate / max(seconds, 1e-3))
        s = int(max(-1.0, min(1.0, v + rnd.uniform(-0.02, 0.02))) * 32767)
        out += struct.pack("<h", s) * channels
    return bytes(out)


def au_header(channels, rate, data_size, encoding=3):
    return b".snd" + struct.pack(">IIIII", 24, data_size & 0xFFFFFFFF, encoding, rate & 0xFFFFFFFF, channels & 0xFFFFFFFF)


def caf_bytes(channels, rate):
    desc = struct.pack(">dIIIIII", rate, 0x6C70636D, 0, 2, 1, channels & 0xFFFFFFFF, 16)  # 'lpcm'
    return b"caff" + struct.pack(">HH", 1, 0) + b"desc" + struct.pack(">q", len(desc)) + desc \
        + b"data" + struct.pack(">q", -1) + struct.pack(">I", 0) + b"\x00" * 64


def aiff_bytes(rate_ext, channels=1, frames=100):
    comm = struct.pack(">hIh", channels, frames, 16) + rate_ext
    ssnd = struct.pack(">II", 0, 0) + b"\x00" * (frames * 2 * max(channels, 1) if 0 < channels < 8 else 16)
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm + b"SSND" + struct.pack(">I", len(ssnd)) + ssnd
    return b"FORM" + struct.pack(">I", len(body)) + body


def flac_streaminfo(rate, channels, bits, total):
    packed = (rate << 44) | ((channels - 1) << 41) | ((bits - 1) << 36) | total
    info = struct.pack(">HH", 4096, 4096) + b"\x00\x00\x10" + b"\x00\x40\x00" + packed.to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


def png_bytes():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


class Corpus:
    def __init__(self, out):
        self.out = os.fsencode(out)
        self.lib = os.path.join(self.out, b"lib")
        self.kinds = Counter()
        self.files = 0
        self.skipped = []

    def write(self, kind, relative, data):
        path = os.path.join(self.lib, relative if isinstance(relative, bytes) else relative.encode())
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        self.kinds[kind] += 1
        self.files += 1
        return path


def make_source(fmt, wav_path, sources, work):
    """A real FLAC/OGG/MP3 file to truncate: from --sources, else converted with a tool."""
    if sources:
        given = os.path.join(sources, "source." + fmt)
        if os.path.exists(given):
            return open(given, "rb").read()
    target = os.path.join(work, "source." + fmt)
    tools = [["sndfile-convert", wav_path, target], ["ffmpeg", "-loglevel", "error", "-y", "-i", wav_path, target]]
    if fmt != "mp3":
        tools.append(["sox", wav_path, target])
    for command in tools:
        if shutil.which(command[0]) and subprocess.run(command, capture_output=True).returncode == 0 \
                and os.path.getsize(target) > 0:
            return open(target, "rb").read()
    return None


def truncated(c, sources):
    source = wav_bytes(tone(2.0, channels=2, seed=7), channels=2)
    work = os.path.join(c.out, b"work").decode()
    os.makedirs(work, exist_ok=True)
    wav_path = os.path.join(work, "source.wav")
    open(wav_path, "wb").write(source)
    for fmt in ["wav", "flac", "ogg", "mp3"]:
        data = source if fmt == "wav" else make_source(fmt, wav_path, sources, work)
        if data is None:
            c.skipped.append(f"truncated {fmt}: no source (pass --sources, or install sndfile-programs/ffmpeg)")
            continue
        cuts = sorted({1, 4, 12, 44, 100, len(data) // 3, len(data) // 2, len(data) - 1})
        for cut in cuts:
            c.write(f"truncated-{fmt}", f"truncated/{fmt}-{cut:07d}.{fmt}", data[:cut])
        c.write(f"intact-{fmt}", f"truncated/{fmt}-intact.{fmt}", data)
    shutil.rmtree(work)


def absurd_headers(c):
    frames = tone(0.1)
    w = lambda name, data: c.write("absurd-header", "absurd/" + name, data)
    w("rate-0.wav", wav_bytes(frames, rate=0))
    w("rate-1.wav", wav_bytes(tone(0.01, rate=100), rate=1))
    w("rate-4294967295.wav", wav_bytes(frames, rate=0xFFFFFFFF))
    w("channels-0.wav", wav_bytes(frames, channels=0))
    w("channels-65535.wav", wav_bytes(frames, channels=65535))
    w("bits-0.wav", wav_bytes(frames, bits=0))
    w("bits-65535.wav", wav_bytes(frames, bits=65535))
    w("block-align-0.wav", wav_bytes(frames, block_align=0))
    w("format-tag-unknown.wav", wav_bytes(frames, fmt_tag=0x1234))
    w("data-size-beyond-eof.wav", wav_bytes(frames, data_size=1_000_000_000))
    w("data-size-negative.wav", wav_bytes(frames, data_size=0x80000000))
    w("data-size-ffffffff.wav", wav_bytes(frames, data_size=0xFFFFFFFF))
    w("riff-size-0.wav", wav_bytes(frames, riff_size=0))
    w("riff-size-negative.wav", wav_bytes(frames, riff_size=0xFFFFFFF0))
    w("no-fmt-chunk.wav", b"RIFF" + struct.pack("<I", 12 + len(frames)) + b"WAVEdata" + struct.pack("<I", len(frames)) + frames)
    w("fmt-size-huge.wav", b"RIFF\xff\xff\xff\x7fWAVEfmt \xf0\xff\xff\xff" + b"\x01\x00" * 8)
    ds64 = struct.pack("<qqqI", 2**62, 2**62, 2**62, 0)
    w("rf64-huge.wav", b"RF64\xff\xff\xff\xffWAVEds64" + struct.pack("<I", len(ds64)) + ds64
      + wav_bytes(frames)[12:36] + b"data\xff\xff\xff\xff" + frames)
    w("channels-2pow31.au", au_header(2**31, 44100, 64) + b"\x00" * 64)
    w("rate-0.au", au_header(1, 0, 64) + b"\x00" * 64)
    w("data-size-negative.au", au_header(2, 44100, 0x80000000) + b"\x00" * 64)
    w("channels-2pow31.caf", caf_bytes(2**31, 44100.0))
    w("rate-nan.caf", caf_bytes(2, float("nan")))
    w("rate-inf.aiff", aiff_bytes(b"\x7f\xff\x80\x00\x00\x00\x00\x00\x00\x00"))
    w("rate-0.aiff", aiff_bytes(b"\x00" * 10))
    w("channels-negative.aiff", aiff_bytes(b"\x40\x0e\xac\x44\x00\x00\x00\x00\x00\x00", channels=-1))
    w("flac-rate-0.flac", flac_streaminfo(0, 2, 16, 1000))
    w("flac-total-huge.flac", flac_streaminfo(44100, 8, 32, 2**36 - 1))
    w("ogg-header-only.ogg", b"OggS\x00\x02" + b"\x00" * 20)
    w("mp3-sync-garbage.mp3", b"\xff\xfb" + bytes(random.Random(3).randrange(256) for _ in range(4000)))
    w("id3-size-huge.mp3", b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f" + b"\x00" * 100)


def tiny_and_mislabelled(c):
    for ext in ["wav", "flac", "ogg", "mp3", "aiff"]:
        c.write("zero-bytes", f"tiny/empty.{ext}", b"")
    c.write("zero-frames", "tiny/zero-frames.wav", wav_bytes(b""))
    c.write("one-frame", "tiny/one-frame-mono16.wav", wav_bytes(b"\x00\x40"))
    c.write("one-frame", "tiny/one-frame-stereo-float.wav", wav_bytes(struct.pack("<ff", 0.5, -0.5), channels=2, bits=32, fmt_tag=3))
    c.write("one-frame", "tiny/one-frame-8bit-96k.wav", wav_bytes(b"\xff", rate=96000, bits=8))
    c.write("mislabelled", "tiny/readme.wav", b"This is not audio.\nJust some text named .wav\n" * 20)
    c.write("mislabelled", "tiny/picture.wav", png_bytes())


def lmms_vorbis_in_wav(c):
    base = "/usr/share/lmms/samples"
    if not os.path.isdir(base):
        c.skipped.append("lmms Vorbis-in-WAV .ogg: /usr/share/lmms not installed (apt: lmms-common)")
        return
    for folder, _, names in sorted(os.walk(base)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(".ogg") and open(path, "rb").read(4) == b"RIFF":
                c.write("lmms-vorbis-in-wav", "lmms/" + name, open(path, "rb").read())


def hostile_names(c):
    good = wav_bytes(tone(0.3, seed=11))
    names = [
        b"esc-\x1b[31mred\x1b[0m.wav", b"osc-title-\x1b]0;PWNED\x07.wav", b"osc-st-\x1b]2;PWNED2\x1b\\.wav",
        b"bel-\x07\x07.wav", b"new\nline.wav", b"carriage\rreturn.wav", b"tab\tstop.wav",
        b"bad-utf8-\xff\xfe.wav", b"bad-utf8-\xc3\x28.wav", "rlo-\u202egnp.wav".encode(),
        "c1-csi-\u009b31m.wav".encode(), b"del-\x7f.wav", b"clear-\x1b[2J\x1b[H.wav",
        b"L" * 246 + b".wav", "é".encode() * 123 + b".wav", b"D" * 250 + b"/inside-long-folder.wav",
        b"esc-folder-\x1b[7m/inside.wav",
    ]
    for name in names:
        c.write("hostile-name", b"names/" + name, good)


def long_file(c):
    """2 h of 96 kHz stereo 16-bit: a valid header, 10 s of noise, then a sparse hole (silence)."""
    data_size = LONG_SECONDS * LONG_RATE * 4
    path = c.write("long-2h-96k", "long/two-hours-96k-stereo.wav", wav_bytes(b"", channels=2, rate=LONG_RATE, data_size=data_size,
                                                                            riff_size=36 + data_size))
    rnd = random.Random(5)
    with open(path, "r+b") as f:
        f.seek(44)
        f.write(rnd.randbytes(LONG_RATE * 4 * 10))
        f.truncate(44 + data_size)


def special_entries(c):
    lib = c.lib
    os.makedirs(os.path.join(lib, b"loop/inner"), exist_ok=True)
    os.symlink(b"..", os.path.join(lib, b"loop/inner/back-to-loop"))        # a folder loop
    os.symlink(b"b.wav", os.path.join(lib, b"loop/a.wav"))                 # a link loop (ELOOP)
    os.symlink(b"a.wav", os.path.join(lib, b"loop/b.wav"))
    os.symlink(b"no-such-target.wav", os.path.join(lib, b"loop/dangling.wav"))
    os.symlink(b"/dev/zero", os.path.join(lib, b"loop/dev-zero.wav"))       # a device: not a regular file
    os.mkfifo(os.path.join(lib, b"loop/fifo.wav"))                          # opening it would block
    c.kinds["symlink-or-special"] += 6
    c.write("in-loop-folder", "loop/inner/real.wav", wav_bytes(tone(0.2, seed=13)))
    locked = c.write("unreadable-file", "locked/secret.wav", wav_bytes(tone(0.2, seed=17)))
    os.chmod(locked, 0)
    c.write("in-unreadable-folder", "locked-folder/hidden-inside.wav", wav_bytes(tone(0.2, seed=19)))
    os.chmod(os.path.join(lib, b"locked-folder"), 0)


def main(argv):
    sources = argv[argv.index("--sources") + 1] if "--sources" in argv[:-1] else None
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and not (i > 0 and argv[i - 1] == "--sources")]
    if len(args) != 1:
        sys.exit(__doc__)
    c = Corpus(args[0])
    if os.path.exists(c.lib):
        sys.exit(f"{args[0]}/lib exists: give an empty or new folder")
    os.makedirs(c.lib)
    if "--long-only" not in argv:
        truncated(c, sources)
        absurd_headers(c)
        tiny_and_mislabelled(c)
        lmms_vorbis_in_wav(c)
        hostile_names(c)
        special_entries(c)
    if "--no-long" not in argv:
        long_file(c)
    manifest = {"files": c.files, "kinds": dict(sorted(c.kinds.items())), "skipped": c.skipped,
                "in_unreadable_folder": c.kinds["in-unreadable-folder"], "unreadable_files": c.kinds["unreadable-file"]}
    with open(os.path.join(c.out, b"manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    for kind, count in sorted(c.kinds.items()):
        print(f"{count:5d}  {kind}")
    print(f"{c.files:5d}  regular files in {args[0]}/lib")
    for reason in c.skipped:
        print(f"skipped: {reason}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
