"""Property tests: nothing is lost, offsets are true, the parser never crashes."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baozhi.errors import InputError
from baozhi.pipeline import Settings, process_source

CHECK = Settings(check=True)

ideograph = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
punct = st.sampled_from(list("，。、；：？！“”（）《》—…"))
latin = st.sampled_from(list("0123456789%.ABCxyz"))
piece = st.one_of(ideograph, ideograph, ideograph, ideograph, punct, latin, st.just(" "), st.just("\uF98E"))


@st.composite
def page_text(draw):
    """A dump-like page: wrapped lines of W ems, blank lines, headlines, bylines, furniture."""
    w = draw(st.integers(min_value=8, max_value=24))
    blank = draw(st.booleans())
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=40))):
        kind = draw(st.sampled_from(["body", "body", "body", "headline", "byline", "furniture", "spaced"]))
        if kind == "byline":
            lines.append("本报讯（记者 " + draw(st.text(ideograph, min_size=2, max_size=3)) + "）6月12日，")
        elif kind == "furniture":
            lines.append(draw(st.sampled_from(["第3版", "2024年6月13日 星期四", "责任编辑 李明"])))
        elif kind == "spaced":
            lines.append(" ".join(draw(st.text(ideograph, min_size=3, max_size=12))))
        elif kind == "headline":
            lines.append(draw(st.text(ideograph, min_size=4, max_size=w + 8)))
        else:
            n = draw(st.integers(min_value=1, max_value=w))
            lines.append("".join(draw(st.lists(piece, min_size=n, max_size=n))))
    sep = "\n\n" if blank else "\n"
    return sep.join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text())
def test_generated_pages_conserve_characters(text):
    try:
        process_source(text.encode("utf-8"), "gen.txt", CHECK)
    except InputError:
        assert not text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_crashes_and_conserves(text):
    try:
        process_source(text.encode("utf-8"), "any.txt", CHECK)
    except InputError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_never_crash(raw):
    try:
        process_source(raw, "any.bin", CHECK)
    except InputError:
        pass
