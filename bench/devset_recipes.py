"""make_devset.py's recipes with one ingredient swapped, shared by the generators that draw them
(make_devset_variants.py, make_drawn_kit_loops.py, make_key_clip_tempos.py)."""
import inspect


def install_edited(module, function, edits, source_name="make_devset"):
    """Compiles `function`'s source, with each (old, new) of `edits` replaced, into `module`'s namespace:
    a copy with one literal made a parameter. Each `old` must occur exactly once, so a change to the
    original fails loudly rather than silently drawing something else."""
    source = inspect.getsource(function)
    for old, new in edits:
        assert source.count(old) == 1, f"{source_name}.{function.__name__} changed: no single {old!r} to replace"
        source = source.replace(old, new)
    exec(source, module.__dict__)


def drawn_kit_loop(m, sounds, bpm, pattern, bars, swing):
    """make_devset.drum_loop (module `m`) of `pattern` with each hit's sound taken from `sounds` (a drawn
    make_tempo_valset.Kit); the pattern's steps and velocities are kept."""
    voice = {m.kick808: "kick", m.snare_noise: "snare", m.hat: "hat", m.rim: "rim", m.shaker: "shaker"}
    m.KITS["drawn"] = [(step, getattr(sounds, voice[make]), velocity) for step, make, velocity in m.KITS[pattern]]
    try:
        return m.drum_loop(bpm, "drawn", bars, swing)
    finally:
        del m.KITS["drawn"]
