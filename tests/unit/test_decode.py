import pytest

from baozhi.errors import BinaryInput, EmptyInput
from baozhi.readers.decode import decode

TEXT = "本报讯（记者 涂燕）6月12日，永川区委副书记、区长常晓勇主持召开区政府第58次常务会议。\n"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5"])
def test_encodings_detected(enc):
    s = TEXT if enc != "big5" else "本報訊（記者 涂燕）6月12日，永川區委副書記、區長常曉勇主持召開區政府第58次常務會議。會議指出，要深入學習貫徹。\n"
    text, got = decode((s * 3).encode(enc))
    assert text == s * 3


def test_newlines_normalised():
    text, _ = decode("甲\r\n乙\r丙\n".encode("utf-8"))
    assert text == "甲\n乙\n丙\n"


def test_empty_and_blank():
    with pytest.raises(EmptyInput):
        decode(b"")
    with pytest.raises(EmptyInput):
        decode(b"   \n\n  ")


def test_binary_rejected():
    with pytest.raises(BinaryInput):
        decode(bytes(range(256)) * 20)


def test_a_byte_order_mark_the_rest_does_not_follow_is_undecodable():
    from baozhi.errors import UndecodableInput

    with pytest.raises(UndecodableInput):
        decode(b"\xef\xbb\xbf" + "区政府召开常务会议，研究部署工作。".encode("gbk"))


def test_utf16_cut_inside_its_last_character_is_read():
    raw = "区政府召开常务会议，研究部署工作。\n".encode("utf-16")[:-1]
    text, enc = decode(raw)
    assert enc == "utf-16" and text.startswith("区政府召开常务会议") and text.endswith("\ufffd")


def test_ideographic_space_indents_are_text_not_binary():
    text, _ = decode("\n".join("\u3000\u3000区政府召开常务会议，研究部署工作。" for _ in range(50)).encode("utf-8"))
    assert text.count("\u3000") == 100


def _encodable(texts: list[str], encs: list[str]) -> list[tuple[str, str]]:
    out = []
    for t in texts:
        for e in encs:
            try:
                t.encode(e)
            except UnicodeEncodeError:
                continue  # simplified characters have no Big5 form
            out.append((t, e))
    return out


@pytest.mark.parametrize("text,enc", _encodable(["报纸", "报", "常晓勇", "区委书记", "報紙"],
                                                ["gbk", "big5", "utf-16-le", "utf-16-be"]))
def test_a_few_characters_without_bom_are_read_in_the_encoding_that_reads_as_chinese(text, enc):
    # charset-normalizer reads two GBK ideographs as Big5 (惆祧), and a few UTF-16 bytes can
    # pass for UTF-8 with control codes (1X\x19})
    assert decode(text.encode(enc))[0] == text


def test_a_short_input_no_encoding_reads_as_chinese_is_left_to_the_detector():
    assert decode("caf\u00e9".encode("latin-1"))[0] == "caf\ufffd"  # not 捡曩 (UTF-16-BE)


@pytest.mark.parametrize("raw,text", [
    (bytes.fromhex("ceafd4b1"), "委员"),  # GBK that is also valid UTF-8 (ίԱ)
    (bytes.fromhex("5a512d4e2e59b351"), "党中央决"),  # UTF-16-LE; as Big5 ZQ-N.Y被 has one common ideograph
    ("协和市".encode()[:-1], "协和\ufffd"),  # UTF-8 cut inside its last character, not GB18030 mojibake
    ("摄".encode() + b"\x1a", "摄\x1a"),  # a DOS end-of-file byte after UTF-8 text
])
def test_short_inputs_keep_the_reading_that_reads_most_as_chinese(raw, text):
    assert decode(raw)[0] == text


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_or_ascii_is_read_as_utf16(enc):
    # no NUL bytes (no ASCII) and many control-code bytes: the binary test refused it and
    # charset-normalizer did not recognise it; the UTF-16 reading reads as Chinese
    s = "现场有东埔中队交警指挥交通。据悉，该中队在上下班时刻都会安排执勤人员现场指挥交通，交警"
    assert decode(s.encode(enc)) == (s, enc)


def test_gbk_is_not_taken_for_bomless_utf16():
    s = "现场有东埔中队交警指挥交通。据悉，该中队在上下班时刻都会安排执勤人员现场指挥交通，交警"
    assert decode(s.encode("gbk"))[0] == s


@pytest.mark.parametrize("enc", ["gb18030", "big5", "utf-16-le", "utf-16-be"])
def test_bomless_text_cut_inside_its_last_character_is_read(enc):
    # a truncated copy: U+FFFD stands for the cut character, the rest is read in its encoding
    s = "本報訊（記者 涂燕）永川區委副書記、區長常曉勇主持召開區政府常務會議，審議有關文件。" * 2
    raw = s.encode(enc)[:-1]
    assert decode(raw)[0] == s[:-1] + "\ufffd"


@pytest.mark.parametrize("enc", ["utf-8-sig", "utf-16", "utf-32"])
def test_text_with_a_bom_cut_inside_its_last_character_is_read(enc):
    # UTF-8 with a BOM was refused as "not UTF-8 text": the decoder's error offsets do not
    # count the BOM, so the cut did not look like one at the end
    s = "区政府召开常务会议，研究部署工作。"
    raw = s.encode(enc)[:-1]
    assert decode(raw)[0] == s[:-1] + "\ufffd"


@pytest.mark.parametrize("raw,text", [
    ("保护".encode("gbk")[:-1], "保\ufffd"),  # was 悵 (Big5) + U+FFFD
    ("区长常晓勇主持".encode("gb18030")[:-1], "区长常晓勇主\ufffd"),
    ("区长常晓勇主持".encode("utf-16-le")[:-1], "区长常晓勇主\ufffd"),  # was refused: undetectable
    ("区长常晓勇主持".encode("utf-16-be")[:-1], "区长常晓勇主\ufffd"),
    ("，希望".encode("big5")[:-1], "，希\ufffd"),  # was Hangul (UTF-16-BE)
])
def test_a_short_input_cut_inside_its_last_character_is_read_in_its_encoding(raw, text):
    assert decode(raw)[0] == text


@pytest.mark.parametrize("ch", ["\ue3c1", "\U000f0123", "\u200b", "\u00ad", "\ufeff"])
def test_private_use_and_format_characters_are_text_not_binary(ch):
    # rare name characters mapped to the Private Use Area by an e-paper's fonts, zero-width
    # spaces and soft hyphens of pasted web text: a page with more than 2% of them was refused
    s = "\n".join(f"区政府召开常务会议，研究部署{ch}工作。" for _ in range(30))
    assert decode(s.encode("utf-8"))[0] == s


def test_many_control_codes_are_still_binary():
    with pytest.raises(BinaryInput):
        decode("\n".join("区政府召开常务会议\x01，研究\x02部署工作。" for _ in range(30)).encode("utf-8"))


@pytest.mark.parametrize("start,end", [(1, 0), (2, 0), (1, 1), (2, 2)])
def test_utf8_cut_inside_its_first_character_is_read(start, end):
    # the second part of a file split by bytes (split -b, a copy from an offset) starts with
    # the continuation bytes of a character: it was refused as "cannot detect the text encoding"
    s = "区政府召开常务会议，研究部署工作。\n" * 4 + "完"
    raw = s.encode("utf-8")
    text, enc = decode(raw[start:len(raw) - end])
    assert enc == "utf-8" and text == "\ufffd" + s[1:len(s) - (1 if end else 0)] + ("\ufffd" if end else "")


@pytest.mark.parametrize("start", [1, 2])
def test_a_short_utf8_text_cut_inside_its_first_character_has_one_replacement_character(start):
    # (it read as two U+FFFD, one per continuation byte, or as Big5 mojibake)
    for s in ("区政府召开常务会议", "报纸"):
        assert decode(s.encode("utf-8")[start:]) == ("\ufffd" + s[1:], "utf-8")


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("s", ["Page 3\n", "Page 3 2024-06-12 People Daily\n" * 3])
def test_mostly_ascii_utf16_without_bom_is_read_as_utf16(enc, s):
    # ASCII in UTF-16 is valid UTF-8 with NULs: a short input was read as UTF-8 with NUL
    # characters in its text (P\x00a\x00g\x00e), a long one refused as binary
    assert decode(s.encode(enc)) == (s, enc)


@pytest.mark.parametrize("raw", [b"\x00\x01", b"\x01\x00"])
def test_nul_characters_are_never_text(raw):
    with pytest.raises(BinaryInput):
        decode(raw)


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_with_ideographic_space_indents_is_read(enc):
    # str.isprintable() is false for U+3000: a BOM-less UTF-16 text indented with it was
    # refused as binary
    s = "\n".join("\u3000\u3000区政府召开常务会议，研究部署工作。会议指出，要深入学习贯彻。" for _ in range(20))
    assert decode(s.encode(enc)) == (s, enc)


@pytest.mark.parametrize("s", [
    # refused: charset-normalizer found no encoding
    "現代化步伐提供堅強服務保障。要抓好道路交通安全工作，全面開展風險隱患排查整治，堅決防止重特大事故發生。"
    "會議傳達貫徹了重慶市深入學習貫徹習近平總書記視察重慶重要講é",
    # read as euc-jis-2004 mojibake
    "地查看,了解了北客站片区综合开发、申遗回迁安置、遗址文化保护等情况。实地调研后,司徒文清同志主持召开座谈会,"
    "区长周卓光汇报了未央区经济社会发展情况及汉长安城遗址é",
])
def test_gb18030_the_detector_misses_is_read_when_it_reads_as_chinese(s):
    assert decode(s.encode("gb18030")) == (s, "gb18030")


@pytest.mark.parametrize("raw,text", [
    ("一".encode("utf-16-be"), "一"),  # 4E 00: its NUL is no ASCII character's (was N)
    ("开座".encode("utf-16-be"), "开座"),  # 5F 00 …: was _Ꝟ (UTF-16-LE)
    ("   浏".encode("utf-8"), "   浏"),  # whole UTF-8, not GB18030 cut inside its last character
])
def test_short_whole_readings_beat_nul_parity_and_cut_readings(raw, text):
    assert decode(raw)[0] == text


def test_utf8_with_a_few_damaged_bytes_reads_with_replacement_characters():
    from baozhi.readers.decode import replaced
    s = TEXT * 4
    raw = s[:10].encode() + b"\xff" + s[10:30].encode() + b"\xc3(" + s[30:].encode()
    text, enc = decode(raw)
    assert enc == "utf-8"
    assert text == s[:10] + "\ufffd" + s[10:30] + "\ufffd(" + s[30:]
    assert replaced(raw, text, enc) == 2
    assert replaced(s.encode(), s, "utf-8") == 0


def test_a_text_holding_its_own_replacement_character_counts_no_damage():
    from baozhi.readers.decode import replaced
    s = TEXT + "某\ufffd字缺失。\n"
    for enc in ("utf-8", "gb18030", "utf-16"):
        text, got = decode(s.encode(enc))
        assert text == s and replaced(s.encode(enc), text, got) == 0


def test_gbk_is_not_read_as_damaged_utf8():
    # GB18030 bytes read as UTF-8 give under one well-formed character per ill-formed sequence
    text, enc = decode((TEXT * 4).encode("gb18030"))
    assert (text, enc) == (TEXT * 4, "gb18030")


def test_damaged_utf8_after_a_bom_reads_as_without_it():
    s = TEXT * 4
    raw = b"\xef\xbb\xbf" + s[:10].encode() + b"\xff" + s[10:].encode()
    text, enc = decode(raw)
    assert (text, enc) == (s[:10] + "\ufffd" + s[10:], "utf-8-sig")


def test_mostly_ascii_utf8_with_a_damaged_byte_is_utf8_not_a_western_code_page():
    english = "The State Council held an executive meeting on Friday to discuss the economy. " * 10
    raw = english.encode() + "国务院常务会议".encode()[:-1] + b"\n"
    text, enc = decode(raw)
    assert enc == "utf-8" and text == english + "国务院常务会\ufffd\n"


@pytest.mark.parametrize("enc", ["gbk", "big5"])
def test_gbk_or_big5_with_a_stray_byte_reads_with_a_replacement_character(enc):
    # the detector refuses the whole file for one ill-formed byte; the text around it is kept
    from baozhi.readers.decode import replaced
    s = "本報訊（記者涂燕）6月12日，永川區委副書記、區長常曉勇主持召開區政府第58次常務會議。\n" * 4
    raw = s[:10].encode(enc) + b"\xff" + s[10:].encode(enc)
    text, got = decode(raw)
    assert got == {"gbk": "gb18030", "big5": "big5"}[enc]
    assert text == s[:10] + "\ufffd" + s[10:]
    assert replaced(raw, text, got) == 1


def test_a_short_gbk_text_with_latin_letters_is_not_read_as_big5():
    # ASCII letters read alike in every candidate: the ideographs decide (not 2024爛GDP崝酗5%)
    assert decode("2024年GDP增长5%".encode("gbk")) == ("2024年GDP增长5%", "gb18030")


def test_printable_lets_a_texts_whitespace_through_and_nothing_unprintable():
    from baozhi.readers.decode import _TEXT_SPACE, _printable
    for t in ["第一行\n\u3000\u3000第二行\r\n\t数据\f", "全角　空格\u00a0与\u2028换行", "", "\ufffd"]:
        assert _printable(t) and t.translate(_TEXT_SPACE).isprintable()
    for t in ["纵向\x0b制表", "分隔\x1c符", "\x85下一行", "响铃\x07", "退格\x08", "\x1f", "\ue000私用区", "零宽\u200b空格"]:
        assert not _printable(t) and not t.translate(_TEXT_SPACE).isprintable()


@pytest.mark.parametrize("raw,text", [
    ("央".encode("utf-8"), "央"),  # whole UTF-8: no GB18030 澶 with a cut character after it
    ("勇".encode("utf-8"), "勇"),  # nor UTF-16-LE 该 with a cut byte
    ("提高".encode("utf-16-be"), "提高"),  # a few UTF-16 bytes that pass for cut UTF-8 (cК…)
    ("大开放、促进".encode("utf-16-be"), "大开放、促进"),  # 开 is 5F 00: a NUL, yet UTF-16 text
])
def test_short_inputs_whole_utf8_beats_a_cut_reading_and_cut_utf8_is_judged_too(raw, text):
    assert decode(raw)[0] == text


def test_utf16_with_a_bom_and_a_lone_surrogate_reads_with_a_replacement_character():
    # (it was refused whole: "starts with a UTF-16 byte-order mark but is not UTF-16 text")
    from baozhi.readers.decode import replaced
    s = TEXT * 4
    raw = s[:10].encode("utf-16") + b"\x00\xd8" + s[10:].encode("utf-16-le")
    text, enc = decode(raw)
    assert (text, enc) == (s[:10] + "\ufffd" + s[10:], "utf-16")
    assert replaced(raw, text, enc) == 1
