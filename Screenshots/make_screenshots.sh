#!/usr/bin/env bash
# Regenerates Screenshots/*.png from a real run of the browser in tmux (capture-pane -e → PNG).
#   usage: Screenshots/make_screenshots.sh     (installs Pillow and fonts-dejavu-core if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import PIL" 2>/dev/null || pip install -q pillow
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core
command -v tmux >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux
swift build -c release --product samplemind >/dev/null
sm=$PWD/.build/release/samplemind
work=$(mktemp -d)
"$sm" demo --dir "$work/demo" >/dev/null
"$sm" scan --db "$work/db.sqlite" "$work/demo" >/dev/null
sock=screenshots-$$
tmux -L "$sock" -f /dev/null new-session -d -s shot -x 120 -y 36 -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
  -e HOME="$work" -e TERM=xterm-256color "$sm --db $work/db.sqlite; sleep 30"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
shot() { sleep 1; tmux -L "$sock" capture-pane -p -e -t shot >"$work/$1.ansi"; python3 Screenshots/ansi_to_png.py "$work/$1.ansi" "Screenshots/$1.png"; echo "Screenshots/$1.png"; }
sleep 2
tmux -L "$sock" send-keys -t shot j j j
shot main
tmux -L "$sock" send-keys -t shot '?'
shot help
tmux -L "$sock" send-keys -t shot q / && tmux -L "$sock" send-keys -t shot -l 'type:loop'
shot search
