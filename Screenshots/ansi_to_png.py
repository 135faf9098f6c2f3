#!/usr/bin/env python3
"""Render a `tmux capture-pane -p -e` text (SGR colours) to a PNG, the way a terminal shows it.

usage: ansi_to_png.py IN.ansi OUT.png [--cols 120 --rows 36]
Needs Pillow and the DejaVu Sans Mono font (Debian: fonts-dejavu-core).
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
FONT_BRAILLE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"   # the mono face has no braille
BASE16 = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205),
          (229, 229, 229), (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234),
          (214, 112, 214), (41, 184, 219), (255, 255, 255)]
DEFAULT_FG, DEFAULT_BG = (220, 220, 220), (24, 24, 28)


def palette(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    v = 8 + (n - 232) * 10
    return v, v, v


def parse(line, state):
    """Yield (char, fg, bg, bold, reverse) for one captured line."""
    pos = 0
    for m in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b])", line):
        if m.group(2) is not None:
            yield m.group(2), dict(state)
            continue
        codes = [int(c) if c else 0 for c in m.group(1).split(";")] if m.group(1) else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                state.update(fg=None, bg=None, bold=False, reverse=False, dim=False)
            elif c == 1:
                state["bold"] = True
            elif c == 2:
                state["dim"] = True
            elif c == 7:
                state["reverse"] = True
            elif c in (22,):
                state["bold"] = state["dim"] = False
            elif c == 27:
                state["reverse"] = False
            elif 30 <= c <= 37:
                state["fg"] = BASE16[c - 30]
            elif 90 <= c <= 97:
                state["fg"] = BASE16[c - 90 + 8]
            elif 40 <= c <= 47:
                state["bg"] = BASE16[c - 40]
            elif 100 <= c <= 107:
                state["bg"] = BASE16[c - 100 + 8]
            elif c == 39:
                state["fg"] = None
            elif c == 49:
                state["bg"] = None
            elif c in (38, 48) and i + 1 < len(codes):
                key = "fg" if c == 38 else "bg"
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    state[key] = palette(codes[i + 2]); i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    state[key] = tuple(codes[i + 2:i + 5]); i += 4
            i += 1


def main():
    src, out = sys.argv[1], sys.argv[2]
    lines = open(src, encoding="utf-8", errors="replace").read().split("\n")
    font, bold = ImageFont.truetype(FONT, 15), ImageFont.truetype(FONT_BOLD, 15)
    braille = ImageFont.truetype(FONT_BRAILLE, 15)
    cw, ch = 9, 18
    cols = max(120, max(len(re.sub(r"\x1b\[[0-9;]*m", "", l)) for l in lines))
    rows = len(lines)
    img = Image.new("RGB", (cols * cw + 16, rows * ch + 16), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    state = dict(fg=None, bg=None, bold=False, reverse=False, dim=False)
    for y, line in enumerate(lines):
        x = 0
        for char, st in parse(line, state):
            fg, bg = st["fg"] or DEFAULT_FG, st["bg"] or DEFAULT_BG
            if st["reverse"]:
                fg, bg = bg, fg
            if st["dim"]:
                fg = tuple(int(v * 0.6) for v in fg)
            px, py = 8 + x * cw, 8 + y * ch
            draw.rectangle([px, py, px + cw - 1, py + ch - 1], fill=bg)
            if char != " ":
                face = braille if 0x2800 <= ord(char) <= 0x28FF else (bold if st["bold"] else font)
                draw.text((px, py), char, font=face, fill=fg)
            x += 1
    img.save(out)


if __name__ == "__main__":
    main()
